TenantScope acme;
