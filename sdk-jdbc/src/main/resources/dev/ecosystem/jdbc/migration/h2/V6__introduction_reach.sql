-- Who other companies may name in introduction requests (issue 17): a contact is reachable only when its company
-- says so, and a company may name the contact who receives requests addressed to the company.
ALTER TABLE ${prefix}contacts ADD COLUMN reachable_for_intros BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE ${prefix}companies ADD COLUMN introduction_intake VARCHAR(128);
