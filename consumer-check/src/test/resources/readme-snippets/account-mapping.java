TenantScope acme;
CompanyId globex;
