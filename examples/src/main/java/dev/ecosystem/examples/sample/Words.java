package dev.ecosystem.examples.sample;

import java.util.List;
import java.util.Map;

/**
 * The vocabulary of the sample data: a B2B SaaS tag taxonomy, and the words names, titles and descriptions are made
 * of. Lists are in order of popularity where the generator draws from them with a skew.
 */
final class Words {
    private Words() {
    }

    /** A group of business tags that companies combine; tags in order of popularity. */
    record Family(String name, double weight, List<String> tags, List<String> nameWords, String noun) {
    }

    /** Product families; a company is mainly in one. Weights are relative. */
    static final List<Family> PRODUCT_FAMILIES = List.of(
            new Family("martech", 18, List.of("email-marketing", "marketing-automation", "martech", "seo",
                    "content-marketing", "social-media-management", "abm", "lead-generation", "sms-marketing",
                    "personalization", "cdp", "webinars", "landing-pages", "event-management", "influencer-marketing",
                    "affiliate-marketing", "ad-tech", "video-marketing", "conversion-optimization", "loyalty-programs",
                    "push-notifications", "surveys"),
                    List.of("Marketing", "Mail", "Social", "Growth", "Reach"), "marketing"),
            new Family("sales", 14, List.of("crm", "revops", "sales-engagement", "sales-intelligence", "cpq",
                    "conversation-intelligence", "sales-enablement", "prm", "forecasting", "e-signature",
                    "data-enrichment", "intent-data", "proposal-management", "commission-management"),
                    List.of("CRM", "Sales", "Revenue", "Deals"), "sales"),
            new Family("data", 14, List.of("analytics", "data-warehouse", "bi", "etl", "product-analytics",
                    "data-integration", "reverse-etl", "observability", "data-governance", "data-quality",
                    "ml-platform", "llm-ops", "database", "streaming-data", "data-catalog"),
                    List.of("Analytics", "Data", "Insights", "Metrics"), "data"),
            new Family("commerce", 13, List.of("payments", "e-commerce", "billing", "subscription-management",
                    "accounting", "invoicing", "expense-management", "fraud-prevention", "tax-compliance",
                    "procurement", "headless-commerce", "pos", "shipping", "inventory-management", "fp&a",
                    "banking-as-a-service", "lending", "treasury"),
                    List.of("Pay", "Commerce", "Billing", "Books"), "finance"),
            new Family("hr", 7, List.of("hr-tech", "recruiting", "applicant-tracking", "payroll",
                    "benefits-administration", "performance-management", "learning-management",
                    "employee-engagement", "workforce-management", "background-checks"),
                    List.of("HR", "People", "Talent", "Teams"), "people"),
            new Family("security", 8, List.of("security", "identity-management", "compliance", "endpoint-security",
                    "siem", "grc", "privacy", "backup", "email-security", "vulnerability-management",
                    "password-management", "zero-trust"),
                    List.of("Security", "Shield", "Guard", "Identity"), "security"),
            new Family("devops", 9, List.of("devops", "cloud-infrastructure", "ci-cd", "api-management", "ipaas",
                    "workflow-automation", "apm", "incident-management", "feature-flags", "low-code",
                    "testing-automation", "kubernetes", "cdn", "developer-tools"),
                    List.of("Cloud", "Dev", "Ops", "Deploy"), "engineering"),
            new Family("support", 7, List.of("customer-support", "help-desk", "customer-success", "live-chat",
                    "chatbots", "knowledge-base", "contact-center", "voip", "customer-feedback", "community-platform"),
                    List.of("Support", "Care", "Helpdesk", "Chat"), "customer experience"),
            new Family("productivity", 6, List.of("project-management", "collaboration", "document-management",
                    "scheduling", "video-conferencing", "cms", "website-builder", "digital-asset-management", "forms",
                    "internal-communications"),
                    List.of("Work", "Docs", "Calendar", "Boards"), "operations"),
            new Family("vertical", 4, List.of("healthtech", "edtech", "proptech", "legaltech", "insurtech", "govtech",
                    "construction-tech", "logistics-tech", "hospitality-tech", "field-service-management",
                    "fleet-management", "nonprofit-software"),
                    List.of("Works", "Suite", "Systems", "Pro"), "industry"));

    /** Partner businesses that sell services around products rather than products. */
    static final Family SERVICES = new Family("services", 0, List.of("agency", "consulting", "systems-integrator",
            "reseller", "managed-services", "implementation-partner", "marketing-agency", "development-agency",
            "training", "var", "msp", "staffing"),
            List.of("Consulting", "Partners", "Digital", "Solutions", "Group", "Advisors"), "services");

    /** Tags any company may carry besides its family's, by popularity. */
    static final List<String> GENERAL_TAGS = List.of("saas", "b2b", "ai", "smb", "mid-market", "enterprise-software",
            "api-first", "plg", "open-source", "mobile");

    /** Industries companies serve, by popularity. */
    static final List<String> INDUSTRIES = List.of("saas", "retail", "financial-services", "e-commerce", "healthcare",
            "manufacturing", "professional-services", "education", "fintech", "media", "real-estate", "logistics",
            "insurance", "hospitality", "nonprofit", "telecommunications", "travel", "legal", "construction",
            "energy", "automotive", "life-sciences", "consumer-goods", "government");

    /** How phrases name tags whose words are not plain English. */
    static final Map<String, String> PHRASES = Map.ofEntries(
            Map.entry("crm", "CRM"), Map.entry("cpq", "CPQ"), Map.entry("abm", "account-based marketing"),
            Map.entry("seo", "SEO"), Map.entry("cdp", "customer data platform"),
            Map.entry("bi", "business intelligence"),
            Map.entry("etl", "ETL"), Map.entry("reverse-etl", "reverse ETL"),
            Map.entry("prm", "partner relationship management"), Map.entry("ipaas", "integration platform"),
            Map.entry("hr-tech", "HR"), Map.entry("fp&a", "FP&A"), Map.entry("siem", "SIEM"),
            Map.entry("grc", "governance, risk and compliance"),
            Map.entry("apm", "application performance monitoring"),
            Map.entry("ci-cd", "CI/CD"), Map.entry("pos", "point-of-sale"), Map.entry("var", "value-added reselling"),
            Map.entry("msp", "managed IT services"), Map.entry("llm-ops", "LLM operations"), Map.entry("ai", "AI"),
            Map.entry("api-management", "API management"), Map.entry("voip", "VoIP"), Map.entry("cms", "CMS"),
            Map.entry("sms-marketing", "SMS marketing"), Map.entry("cdn", "CDN"),
            Map.entry("martech", "marketing technology"),
            Map.entry("revops", "revenue operations"), Map.entry("e-commerce", "e-commerce"),
            Map.entry("ml-platform", "machine learning"), Map.entry("ad-tech", "advertising"),
            Map.entry("healthtech", "healthcare software"), Map.entry("edtech", "education software"),
            Map.entry("proptech", "property management"), Map.entry("legaltech", "legal practice management"),
            Map.entry("insurtech", "insurance software"), Map.entry("govtech", "public-sector software"));

    /** First halves of made-up product names. */
    static final List<String> NAME_STARTS = List.of("Blue", "Bright", "North", "Cloud", "Signal", "Peak", "Iron",
            "Swift", "Clear", "True", "Open", "Lumen", "Nova", "Orbit", "Pixel", "Quantum", "Rapid", "Silver", "Stack",
            "Sun", "Tide", "Vertex", "Zen", "Amber", "Apex", "Atlas", "Beacon", "Cedar", "Cobalt", "Coral", "Crest",
            "Delta", "Echo", "Ember", "Falcon", "Flux", "Forge", "Granite", "Harbor", "Helix", "Horizon", "Indigo",
            "Juniper", "Kite", "Lattice", "Ledger", "Maple", "Meridian", "Mosaic", "Nimbus", "Oak", "Onyx", "Pine",
            "Prism", "Quill", "Relay", "Ridge", "Sage", "Slate", "Spark", "Sterling", "Summit", "Tandem", "Terra",
            "Vector", "Willow", "Zephyr", "Arc", "Bolt", "Cadence", "Canvas", "Cinder", "Drift", "Fable", "Glint",
            "Halo", "Keel", "Loom", "Mint", "Nest", "Pulse", "Quartz", "Rook", "Scout", "Thread", "Verge", "Wave",
            "Yonder", "Aero", "Birch");

    /** Second halves of made-up product names. */
    static final List<String> NAME_ENDS = List.of("ly", "io", "ify", "hub", "base", "flow", "stack", "loop", "works",
            "labs", "pilot", "sense", "wise", "mark", "point", "grid", "path", "craft", "shift", "line", "bridge",
            "desk", "cast", "scale", "metrics", "beam", "sync", "logic", "mind", "wire", "field", "gate", "track",
            "form", "dock", "leaf", "yard", "spring");

    /** Adjectives for product descriptions. */
    static final List<String> ADJECTIVES = List.of("modern", "AI-powered", "developer-friendly", "all-in-one",
            "lightweight", "secure", "no-code", "collaborative", "open", "cloud-based");

    /** Cities by region, for descriptions. */
    static final Map<String, List<String>> CITIES = Map.of(
            "north-america", List.of("New York", "San Francisco", "Austin", "Toronto", "Boston", "Chicago", "Denver",
                    "Seattle", "Atlanta", "Vancouver", "Montréal"),
            "emea", List.of("London", "Berlin", "Paris", "Amsterdam", "Dublin", "Stockholm", "Barcelona", "Tel Aviv",
                    "Munich", "Copenhagen", "Zürich", "Kraków"),
            "apac", List.of("Sydney", "Singapore", "Melbourne", "Bengaluru", "Tokyo", "Auckland"),
            "latam", List.of("São Paulo", "Mexico City", "Buenos Aires", "Bogotá", "Santiago"));

    /** Given names, from many places. */
    static final List<String> FIRST_NAMES = List.of("Ada", "Aisha", "Alejandro", "Amara", "Anders", "Ananya", "Andrea",
            "Aroha", "Ben", "Camila", "Carlos", "Chen", "Chloé", "Daniel", "Dmitri", "Elena", "Emeka", "Emma",
            "Fatima", "Felix", "Freya", "Gabriel", "Grace", "Hana", "Hannah", "Hiroshi", "Inês", "Isabel", "Jamal",
            "James", "Javier", "Jin", "João", "Julia", "Kai", "Karim", "Kavya", "Kenji", "Lars", "Laura", "Leila",
            "Liam", "Lucía", "Maya", "Mei", "Mateo", "Mia", "Mohammed", "Nadia", "Naomi", "Nikhil", "Noah", "Olivia",
            "Omar", "Oscar", "Priya", "Rafael", "Rahul", "Rosa", "Ruth", "Sam", "Santiago", "Sara", "Sofia", "Sophie",
            "Tariq", "Thomas", "Tomás", "Uma", "Valentina", "Victor", "Wei", "William", "Yara", "Yusuf", "Zara", "Zoë",
            "Ethan", "Marcus", "Ingrid", "Jordan", "Alex", "Taylor", "Morgan");

    /** Family names, from many places. */
    static final List<String> LAST_NAMES = List.of("Anderson", "Bakker", "Banerjee", "Becker", "Bianchi", "Brown",
            "Castillo", "Chen", "Clarke", "Costa", "Dubois", "Eriksen", "Fernández", "Fischer", "García", "Gonzalez",
            "Gupta", "Haddad", "Hansen", "Hughes", "Ibrahim", "Ito", "Jansen", "Johnson", "Kaur", "Kim", "Kowalski",
            "Larsen", "Lee", "Lindqvist", "López", "Martin", "Martínez", "Mehta", "Meyer", "Moreau", "Müller",
            "Murphy", "Nakamura", "Nguyen", "Novak", "O'Brien", "Okafor", "Olsen", "Park", "Patel", "Pereira",
            "Petrov", "Rossi", "Sánchez", "Santos", "Schmidt", "Silva", "Singh", "Smith", "Sørensen", "Suzuki",
            "Tanaka", "Taylor", "Thompson", "Walker", "Wang", "Weber", "Williams", "Wilson", "Wright", "Yamamoto",
            "Young", "Zhang", "Zimmermann", "Adeyemi", "Kapoor", "Reyes", "Rivera", "Mendes", "Haas", "Vogel", "Quinn",
            "Dąbrowski", "Achterberg");

    /** A job title and the role tags it implies. */
    record Title(String title, List<String> roles) {
        Title(String title, String... roles) {
            this(title, List.of(roles));
        }
    }

    /** Titles of the people who run partnerships. */
    static final List<Title> PARTNER_TITLES = List.of(
            new Title("Head of Partnerships", "head-of-partnerships", "partnerships"),
            new Title("Partner Manager", "partnerships", "partner-manager"),
            new Title("VP of Partnerships", "head-of-partnerships", "partnerships", "executive"),
            new Title("Director of Strategic Alliances", "alliances", "partnerships"),
            new Title("Senior Partner Manager", "partnerships", "partner-manager"),
            new Title("Channel Partner Manager", "partnerships", "channel"),
            new Title("Business Development Manager", "business-development", "partnerships"),
            new Title("Alliances Manager", "alliances"),
            new Title("Director of Partnerships", "head-of-partnerships", "partnerships"),
            new Title("Ecosystem Lead", "partnerships", "ecosystem"));

    /** Titles of founders. */
    static final List<Title> FOUNDER_TITLES = List.of(
            new Title("Founder & CEO", "founder", "ceo", "executive"),
            new Title("Co-founder", "founder"),
            new Title("Co-founder & CTO", "founder", "cto", "engineering"));

    /** Other titles at product companies. */
    static final List<Title> OTHER_TITLES = List.of(
            new Title("VP Sales", "sales", "executive"),
            new Title("Account Executive", "sales"),
            new Title("Head of Marketing", "marketing"),
            new Title("CTO", "cto", "engineering", "executive"),
            new Title("Customer Success Manager", "customer-success"),
            new Title("Product Marketing Manager", "marketing", "product-marketing"),
            new Title("VP Customer Success", "customer-success", "executive"),
            new Title("Sales Director", "sales"),
            new Title("Head of Revenue Operations", "revops", "sales"),
            new Title("Solutions Engineer", "sales-engineering"),
            new Title("Demand Generation Manager", "marketing"),
            new Title("VP Engineering", "engineering", "executive"),
            new Title("CMO", "marketing", "executive"),
            new Title("Head of Product", "product"),
            new Title("Head of Support", "customer-support"));

    /** Other titles at services firms. */
    static final List<Title> SERVICES_TITLES = List.of(
            new Title("Managing Partner", "founder", "executive"),
            new Title("Practice Lead", "consulting"),
            new Title("Principal Consultant", "consulting"),
            new Title("Head of Alliances", "alliances", "head-of-partnerships"),
            new Title("Account Director", "sales"),
            new Title("Delivery Manager", "customer-success"));

    /** First words of the names of businesses in CRMs. */
    static final List<String> PLACES = List.of("Harbor", "Pinecrest", "Summit", "Riverside", "Oakwood", "Maple",
            "Granite", "Lakeshore", "Evergreen", "Silverline", "Redstone", "Bluewater", "Cedar", "Clearwater",
            "Coastal", "Crescent", "Eastgate", "Fairview", "Foxglove", "Golden", "Greenfield", "Hillside",
            "Ironbridge", "Keystone", "Lighthouse", "Meadow", "Midland", "Northgate", "Oceanic", "Parkside", "Pioneer",
            "Prairie", "Quarry", "Ravenwood", "Ridgeway", "Rosewood", "Sandstone", "Seaside", "Shoreline", "Sierra",
            "Southbank", "Springfield", "Stonebridge", "Sunrise", "Thornbury", "Timberline", "Trinity", "Union",
            "Valley", "Westbrook", "Whitehall", "Wildflower", "Windmill", "Woodland", "Alder", "Aspen", "Brookside",
            "Canyon", "Copperfield", "Driftwood", "Elmstead", "Fernhill", "Glenwood", "Highland", "Kingsley",
            "Larkspur", "Marble", "Norwood", "Orchard", "Pembroke", "Bayview", "Blackrock");

    /** A kind of business in a CRM and the industry it is in. */
    record Trade(String word, String industry) {
    }

    /** Last words of the names of businesses in CRMs. */
    static final List<Trade> TRADES = List.of(new Trade("Logistics", "Logistics"), new Trade("Freight", "Logistics"),
            new Trade("Dental Group", "Healthcare"), new Trade("Health", "Healthcare"),
            new Trade("Medical Center", "Healthcare"), new Trade("Pharmacy", "Healthcare"),
            new Trade("Bakery", "Consumer Goods"), new Trade("Foods", "Consumer Goods"),
            new Trade("Coffee Roasters", "Consumer Goods"), new Trade("Brewing", "Consumer Goods"),
            new Trade("Apparel", "Retail"), new Trade("Outfitters", "Retail"), new Trade("Home Goods", "Retail"),
            new Trade("Furniture", "Retail"), new Trade("Capital", "Financial Services"),
            new Trade("Bank", "Financial Services"), new Trade("Credit Union", "Financial Services"),
            new Trade("Insurance", "Insurance"), new Trade("Realty", "Real Estate"),
            new Trade("Properties", "Real Estate"), new Trade("Builders", "Construction"),
            new Trade("Construction", "Construction"), new Trade("Architects", "Professional Services"),
            new Trade("Law", "Legal"), new Trade("Legal", "Legal"), new Trade("Accounting", "Professional Services"),
            new Trade("Consulting", "Professional Services"), new Trade("Manufacturing", "Manufacturing"),
            new Trade("Industries", "Manufacturing"), new Trade("Plastics", "Manufacturing"),
            new Trade("Steel", "Manufacturing"), new Trade("Motors", "Automotive"),
            new Trade("Auto Group", "Automotive"), new Trade("Energy", "Energy"), new Trade("Solar", "Energy"),
            new Trade("Utilities", "Energy"), new Trade("Hotels", "Hospitality"), new Trade("Resorts", "Hospitality"),
            new Trade("Travel", "Travel"), new Trade("Academy", "Education"), new Trade("Learning", "Education"),
            new Trade("School", "Education"), new Trade("Media", "Media"), new Trade("Studios", "Media"),
            new Trade("Publishing", "Media"), new Trade("Telecom", "Telecommunications"),
            new Trade("Networks", "Telecommunications"), new Trade("Software", "Software"),
            new Trade("Systems", "Software"), new Trade("Technologies", "Software"), new Trade("Labs", "Software"),
            new Trade("Analytics", "Software"), new Trade("Cloud", "Software"), new Trade("Robotics", "Manufacturing"),
            new Trade("Biotech", "Life Sciences"), new Trade("Therapeutics", "Life Sciences"),
            new Trade("Foundation", "Nonprofit"), new Trade("Trust", "Nonprofit"),
            new Trade("Fitness", "Consumer Goods"), new Trade("Pet Supply", "Retail"),
            new Trade("Marketplace", "E-commerce"), new Trade("Shop", "E-commerce"),
            new Trade("Supply Co", "E-commerce"));

    /**
     * A country: its name, share of businesses, top-level domains by share, legal suffixes, and the currency its
     * deals are in (USD outside the UK and the euro area, as SaaS usually bills).
     */
    record Country(String name, String code, double weight, List<String> tlds, List<String> suffixes,
            String currency) {
    }

    /** Countries of the businesses in CRMs; a TLD is listed as often as it is likely. */
    static final List<Country> COUNTRIES = List.of(
            new Country("United States", "US", 58, List.of("com", "com", "com", "com", "com", "com", "com", "com",
                    "io", "net", "co", "us"), List.of("Inc.", "LLC", "Corp.", "Co."), "USD"),
            new Country("United Kingdom", "GB", 10, List.of("co.uk", "co.uk", "co.uk", "com", "uk"),
                    List.of("Ltd", "Limited", "plc"), "GBP"),
            new Country("Germany", "DE", 6, List.of("de", "de", "de", "de", "com"), List.of("GmbH", "AG",
                    "GmbH & Co. KG"), "EUR"),
            new Country("Canada", "CA", 5, List.of("ca", "ca", "com"), List.of("Inc.", "Ltd."), "USD"),
            new Country("Australia", "AU", 5, List.of("com.au", "com.au", "com.au", "com"), List.of("Pty Ltd"),
                    "USD"),
            new Country("France", "FR", 4, List.of("fr", "fr", "fr", "com"), List.of("SAS", "SA", "SARL"), "EUR"),
            new Country("Netherlands", "NL", 3, List.of("nl", "nl", "nl", "com"), List.of("B.V."), "EUR"),
            new Country("Ireland", "IE", 2, List.of("ie", "ie", "com"), List.of("Ltd", "DAC"), "EUR"),
            new Country("Spain", "ES", 2, List.of("es", "es", "com"), List.of("S.L.", "S.A."), "EUR"),
            new Country("Sweden", "SE", 1.5, List.of("se", "se", "com"), List.of("AB"), "USD"),
            new Country("Brazil", "BR", 1.5, List.of("com.br", "com.br", "com.br", "com"), List.of("Ltda.", "S.A."),
                    "USD"),
            new Country("Japan", "JP", 1, List.of("co.jp", "co.jp", "jp", "com"), List.of("K.K.", "Co., Ltd."),
                    "USD"),
            new Country("India", "IN", 2, List.of("in", "co.in", "com"), List.of("Pvt Ltd"), "USD"),
            new Country("Singapore", "SG", 1, List.of("com.sg", "com.sg", "sg"), List.of("Pte Ltd"), "USD"),
            new Country("Mexico", "MX", 1, List.of("com.mx", "com.mx", "mx"), List.of("S.A. de C.V."), "USD"),
            new Country("New Zealand", "NZ", 1, List.of("co.nz", "co.nz", "com"), List.of("Ltd"), "USD"));

    /** Free-mail domains, which CRMs collect when people sign up with a personal address. */
    static final List<String> FREE_MAIL = List.of("gmail.com", "gmail.com", "gmail.com", "yahoo.com", "outlook.com",
            "hotmail.com", "icloud.com", "aol.com", "gmx.de", "yahoo.co.uk");
}
