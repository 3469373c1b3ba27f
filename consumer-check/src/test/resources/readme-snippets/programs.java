EcosystemClient client;
CompanyId brightwave;
CompanyId northwind;
Clock clock;
Attribution attribution;
