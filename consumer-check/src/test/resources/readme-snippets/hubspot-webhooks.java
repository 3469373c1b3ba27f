String clientSecret;
PartnerStore partnerStore;
CompanyId hostCompanyId;
