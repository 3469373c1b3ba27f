EcosystemClient client;
CompanyId tenant;
CompanyId partner;
CommissionPlan plan;
