Mailer gmail;
byte[] secret32Bytes;
ContactId ada;
CompanyId globex;
ContactId bob;
String key;
