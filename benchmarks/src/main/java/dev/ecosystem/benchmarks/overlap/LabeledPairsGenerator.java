package dev.ecosystem.benchmarks.overlap;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Generates the labeled set of account-record pairs ({@code labeled-pairs.csv}) deterministically (seed 24), plus the
 * hand-written hard cases below: every label follows the rules in {@code labeled-pairs.md} (same company or not, as
 * the generator made the two records), never what the matcher says.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.ecosystem.benchmarks.overlap.LabeledPairsGenerator \
 *     benchmarks/src/main/resources/dev/ecosystem/benchmarks/overlap/labeled-pairs.csv</pre>
 */
public final class LabeledPairsGenerator {
    static final long SEED = 24;
    private static final String[] BRANDS = {"Riverside", "Alpine", "Pinecrest", "Copperfield", "Bluewater",
        "Ironbridge", "Summit", "Harborview", "Redwood", "Silverline", "Northgate", "Evergreen", "Lakeshore",
        "Stonebridge", "Westbrook", "Brightwater", "Clearwater", "Oakridge", "Maplewood", "Sunrise", "Highland",
        "Granite", "Cascade", "Meridian", "Horizon", "Keystone", "Pioneer", "Sterling", "Liberty", "Heritage",
        "Frontier", "Beacon", "Crescent", "Falcon", "Phoenix", "Trident", "Vanguard", "Atlas", "Apex", "Nova",
        "Orion", "Zenith", "Quantum", "Vertex", "Willowbrook", "Foxglove", "Hawthorne", "Juniper", "Kingsley",
        "Lighthouse", "Marigold", "Nightingale", "Oceanside", "Parkside", "Quarry", "Rosewood", "Saddleback",
        "Thornbury", "Upland", "Valley", "Whitestone", "Yellowstone", "Copper Kettle", "Blue Harbor",
        "Green Meadow", "Golden Gate", "Silver Birch", "Iron Horse", "Red Rock", "Black Diamond"};
    private static final String[] QUALIFIERS = {"", "", "", "Coastal", "Mountain", "Prairie", "Metro", "Golden",
        "Crystal", "Emerald", "Royal", "United", "Premier", "Pacific", "Atlantic", "Central", "Southern", "Northern"};
    private static final String[] INDUSTRIES = {"Dental", "Medical", "Motors", "Logistics", "Brewing", "Bakery",
        "Roofing", "Plumbing", "Consulting", "Software", "Analytics", "Foods", "Farms", "Realty", "Insurance",
        "Pharmacy", "Fitness", "Printing", "Landscaping", "Construction", "Robotics", "Labs", "Studios", "Bank",
        "Outfitters", "Hardware", "Furniture", "Apparel", "Energy", "Solar", "Capital", "Trust", "Media",
        "Marine", "Hotels", "Builders", "Optical", "Clinic", "Trading", "Holdings"};
    /** Industry words and a different word one letter away: different companies. */
    private static final String[][] NEAR_INDUSTRIES = {{"Dental", "Rental"}, {"Bank", "Tank"}, {"Medical", "Metal"},
        {"Motors", "Motels"}, {"Marine", "Marina"}, {"Mining", "Dining"}, {"Printing", "Painting"},
        {"Lending", "Landing"}, {"Trading", "Training"}, {"Hotels", "Hostels"}, {"Bakers", "Bikers"},
        {"Foods", "Goods"}, {"Farms", "Firms"}, {"Capital", "Capitol"}, {"Roofing", "Proofing"},
        {"Homes", "Domes"}, {"Labs", "Cabs"}, {"Media", "Medic"}, {"Trust", "Crust"}, {"Solar", "Polar"}};
    /** Legal forms by country and the country's domain suffix. */
    private static final String[][] COUNTRIES = {{"com", "Inc.", "LLC", "Corp.", "Inc", "Corporation"},
        {"co.uk", "Ltd", "Limited", "PLC"}, {"de", "GmbH", "AG", "GmbH & Co. KG"}, {"fr", "SA", "SARL", "SAS"},
        {"nl", "B.V.", "N.V."}, {"com.au", "Pty Ltd", "Pty. Ltd."}, {"es", "S.L.", "S.A."},
        {"pl", "Sp. z o.o.", "S.A."}, {"it", "S.p.A.", "S.r.l."}, {"se", "AB"}, {"fi", "Oy"}, {"dk", "ApS", "A/S"}};
    /** Full word, short form, as CRM users write them. */
    private static final String[][] ABBREVIATIONS = {{"International", "Intl"}, {"International", "Int'l"},
        {"Technologies", "Tech"}, {"Technology", "Tech"}, {"Systems", "Sys"}, {"Manufacturing", "Mfg"},
        {"Manufacturing", "Mfg."}, {"Brothers", "Bros"}, {"Brothers", "Bros."}, {"Associates", "Assoc"},
        {"Associates", "Assoc."}, {"Management", "Mgmt"}, {"National", "Natl"}, {"National", "Nat'l"},
        {"Mount", "Mt"}, {"Mount", "Mt."}, {"Saint", "St."}, {"Saint", "St"}, {"Laboratories", "Labs"},
        {"Services", "Svcs"}, {"Industries", "Inds"}, {"Corporation", "Corp."}, {"Company", "Co."}};
    private static final String[] PROFILE_HOSTS = {"https://www.linkedin.com/company/%s",
        "linkedin.com/company/%s/about", "https://www.facebook.com/%s", "fb.com/%s", "https://%s.github.io",
        "https://%s.wixsite.com/home", "https://medium.com/@%s", "https://x.com/%s", "https://www.instagram.com/%s/",
        "https://sites.google.com/view/%s", "https://%s.business.site", "https://www.yelp.com/biz/%s"};

    private final Random random = new Random(SEED);
    private final List<LabeledPair> pairs = new ArrayList<>();
    private final Set<String> usedNames = new LinkedHashSet<>();

    /** A company as generated: its words (brand, qualifier, industry), legal form and domain. */
    private record Company(String brand, String qualifier, String industry, int country, String legalForm) {
        String words() {
            return (brand + " " + qualifier + " " + industry).replaceAll(" +", " ").strip();
        }

        String name() {
            return words() + " " + legalForm;
        }

        String label() {
            return words().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        }

        String domain() {
            return label() + "." + COUNTRIES[country][0];
        }
    }

    /** Writes the set to the path given (the resource in the source tree). */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0]
                : "benchmarks/src/main/resources/dev/ecosystem/benchmarks/overlap/labeled-pairs.csv");
        List<LabeledPair> set = new LabeledPairsGenerator().generate();
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            LabeledPair.write(set, writer);
        }
        System.out.println(set.size() + " pairs written to " + out);
    }

    List<LabeledPair> generate() {
        for (int i = 0; i < 140; i++) {
            domainShapes(i);
        }
        for (int i = 0; i < 170; i++) {
            nameVariants(i);
        }
        for (int i = 0; i < 120; i++) {
            abbreviations(i);
        }
        for (int i = 0; i < 150; i++) {
            typos(i);
        }
        for (int i = 0; i < 150; i++) {
            similarNames(i);
        }
        for (int i = 0; i < 120; i++) {
            genericHosts(i);
        }
        for (int i = 0; i < 100; i++) {
            countryDomains(i);
        }
        scripts();
        hardCases();
        return List.copyOf(pairs);
    }

    private void add(String category, boolean same, String nameA, String domainA, String nameB, String domainB,
            String note) {
        pairs.add(new LabeledPair(category, same, nameA, domainA, nameB, domainB, note));
    }

    /** A company whose words no other company generated so far has. */
    private Company company() {
        while (true) {
            String brand = pick(BRANDS);
            String qualifier = random.nextInt(3) == 0 ? pick(QUALIFIERS) : "";
            String industry = pick(INDUSTRIES);
            int country = random.nextInt(3) == 0 ? random.nextInt(COUNTRIES.length) : 0;
            String[] forms = COUNTRIES[country];
            Company company = new Company(brand, qualifier, industry, country, forms[1 + random.nextInt(forms.length - 1)]);
            if (usedNames.add(company.words())) {
                return company;
            }
        }
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    /** Another legal form of the same country, or none. */
    private String otherLegalForm(Company company) {
        String[] forms = COUNTRIES[company.country()];
        int choice = random.nextInt(forms.length);
        return choice == 0 ? "" : forms[choice];
    }

    /** The domain as people type it into a CRM. */
    private String typed(String domain) {
        return switch (random.nextInt(9)) {
            case 0 -> "https://www." + domain + "/";
            case 1 -> "http://" + domain + "/about-us?utm_source=crm";
            case 2 -> "WWW." + domain.toUpperCase(Locale.ROOT);
            case 3 -> "https://shop." + domain + "/en/";
            case 4 -> "sales@" + domain;
            case 5 -> " " + domain + " ";
            case 6 -> "www." + domain + ":443";
            case 7 -> "https://" + domain + "/#contact";
            default -> domain;
        };
    }

    /** The name as people type it: case, punctuation, legal form, "The", "&". */
    private String written(Company company) {
        String words = company.words();
        switch (random.nextInt(8)) {
            case 0 -> words = words.toUpperCase(Locale.ROOT);
            case 1 -> words = words.toLowerCase(Locale.ROOT);
            case 2 -> words = "The " + words;
            case 3 -> words = words.replace(" ", "  ");
            case 4 -> words = words + " (" + COUNTRIES[company.country()][0].toUpperCase(Locale.ROOT) + ")";
            default -> {
            }
        }
        String form = otherLegalForm(company);
        return form.isEmpty() ? words : words + (random.nextBoolean() ? ", " : " ") + form;
    }

    /** A field with no usable domain: blank, free mail, a typed non-domain. */
    private String noDomain() {
        return switch (random.nextInt(6)) {
            case 0, 1, 2 -> "";
            case 3 -> "info" + random.nextInt(100) + "@gmail.com";
            case 4 -> "n/a";
            default -> "office@outlook.com";
        };
    }

    private void domainShapes(int i) {
        Company company = company();
        if (i % 2 == 0) {
            add("domain-shapes", true, written(company), typed(company.domain()),
                    i % 4 == 0 ? initials(company) : written(company), typed(company.domain()),
                    "same company, domain typed two ways");
        } else {
            Company other = new Company(company.brand(), company.qualifier(), company.industry().equals("Group")
                    ? "Partners" : "Group", company.country(), company.legalForm());
            add("domain-shapes", false, company.name(), typed(company.domain()), other.name(),
                    typed(other.label() + "s." + COUNTRIES[company.country()][0]),
                    "different companies with similar names, each on its own domain");
        }
    }

    private static String initials(Company company) {
        StringBuilder initials = new StringBuilder();
        for (String word : company.words().split(" ")) {
            initials.append(word.charAt(0));
        }
        return initials + " " + company.legalForm();
    }

    private void nameVariants(int i) {
        Company company = company();
        if (i % 3 != 2) {
            String variant = written(company);
            if (i % 5 == 0 && company.words().contains(" ")) {
                int space = company.words().indexOf(' ');
                variant = company.words().substring(0, space) + company.words().substring(space + 1);
                variant = random.nextBoolean() ? variant : variant + " " + company.legalForm();
            } else if (i % 7 == 0) {
                variant = variant.replace(" " + company.industry(), " & " + company.industry());
            }
            add("name-variants", true, company.name(), random.nextBoolean() ? typed(company.domain()) : noDomain(),
                    variant, noDomain(), "same company, name written differently, no usable domain on one side");
        } else {
            Company other = company();
            add("name-variants", false, company.name(), noDomain(), written(other), noDomain(),
                    "two different companies, no usable domains");
        }
    }

    private void abbreviations(int i) {
        String[] abbreviation = ABBREVIATIONS[i % ABBREVIATIONS.length];
        Company company = company();
        String full;
        String shortened;
        String brand = company.brand();
        if (abbreviation[0].equals("Saint") || abbreviation[0].equals("Mount")) {
            full = abbreviation[0] + " " + brand + " " + company.industry();
            shortened = abbreviation[1] + " " + brand + " " + company.industry();
        } else {
            full = brand + " " + abbreviation[0];
            shortened = brand + " " + abbreviation[1];
        }
        usedNames.add(full);
        if (i % 4 != 3) {
            add("abbreviations", true, full + " " + company.legalForm(), noDomain(),
                    random.nextBoolean() ? shortened : shortened.toUpperCase(Locale.ROOT), noDomain(),
                    "same company, " + abbreviation[0] + " written " + abbreviation[1]);
        } else {
            String otherBrand = pick(BRANDS);
            while (otherBrand.equals(brand)) {
                otherBrand = pick(BRANDS);
            }
            add("abbreviations", false, full, noDomain(), shortened.replace(brand, otherBrand), noDomain(),
                    "different companies sharing an abbreviated word");
        }
    }

    private void typos(int i) {
        Company company = company();
        if (i % 4 != 3) {
            String words = company.words();
            String typo = typo(words);
            add("typos", true, company.name(), random.nextBoolean() ? typed(company.domain()) : noDomain(),
                    typo + (random.nextBoolean() ? "" : " " + company.legalForm()), noDomain(),
                    "same company, one typo: " + words + " -> " + typo);
        } else {
            Company other = new Company(differentBrand(company.brand()), company.qualifier(), company.industry(),
                    company.country(), company.legalForm());
            add("typos", false, company.name(), noDomain(), other.name(), noDomain(),
                    "different companies whose brands differ in more than one letter");
        }
    }

    /** A brand of the list that differs from {@code brand}. */
    private String differentBrand(String brand) {
        String other = pick(BRANDS);
        while (other.equals(brand)) {
            other = pick(BRANDS);
        }
        return other;
    }

    /** One typo (letter dropped, added, changed or two swapped) at a random letter, any word, first letters too. */
    private String typo(String words) {
        while (true) {
            int at = random.nextInt(words.length());
            if (!Character.isLetter(words.charAt(at))) {
                continue;
            }
            char letter = (char) ('a' + random.nextInt(26));
            String result = switch (random.nextInt(4)) {
                case 0 -> words.substring(0, at) + words.substring(at + 1);
                case 1 -> words.substring(0, at) + letter + words.substring(at);
                case 2 -> words.substring(0, at) + letter + words.substring(at + 1);
                default -> at + 1 < words.length() && Character.isLetter(words.charAt(at + 1))
                        ? words.substring(0, at) + words.charAt(at + 1) + words.charAt(at) + words.substring(at + 2)
                        : words;
            };
            if (!result.equalsIgnoreCase(words)) {
                return result;
            }
        }
    }

    private void similarNames(int i) {
        Company company = company();
        String words = company.brand() + (company.qualifier().isEmpty() ? "" : " " + company.qualifier());
        String category = "similar-names";
        switch (i % 5) {
            case 0, 1 -> {
                String[] near = NEAR_INDUSTRIES[random.nextInt(NEAR_INDUSTRIES.length)];
                add(category, false, words + " " + near[0], noDomain(), words + " " + near[1] + " "
                        + company.legalForm(), noDomain(), "different companies: " + near[0] + " vs " + near[1]);
            }
            case 2 -> add(category, false, company.name(), typed(company.domain()), company.words() + " "
                    + pick(new String[] {"Group", "Holdings", "Partners", "Services", "International", "Supply"}),
                    noDomain(), "different companies: a name that starts with another");
            case 3 -> add(category, false, company.brand(), noDomain(), company.words() + " " + company.legalForm(),
                    noDomain(), "different companies: the brand alone and a company of that brand");
            default -> add(category, false, company.name(), noDomain(), company.brand() + " "
                    + INDUSTRIES[(indexOf(INDUSTRIES, company.industry()) + 1 + random.nextInt(5))
                            % INDUSTRIES.length], noDomain(), "different companies: one brand, other industry");
        }
    }

    private static int indexOf(String[] options, String value) {
        for (int i = 0; i < options.length; i++) {
            if (options[i].equals(value)) {
                return i;
            }
        }
        return 0;
    }

    private void genericHosts(int i) {
        Company company = company();
        String slug = company.label();
        String host = PROFILE_HOSTS[random.nextInt(PROFILE_HOSTS.length)];
        switch (i % 4) {
            case 0 -> add("generic-hosts", true, company.name(), typed(company.domain()), written(company),
                    String.format(host, slug), "same company: own domain and a profile page");
            case 1 -> add("generic-hosts", true, company.name(), String.format(host, slug), written(company),
                    String.format(PROFILE_HOSTS[random.nextInt(PROFILE_HOSTS.length)], slug.replace("e", "-e")),
                    "same company on two profile pages");
            default -> {
                Company other = i % 8 == 2 ? new Company(company.brand(), company.qualifier(), NEAR_INDUSTRIES[
                        random.nextInt(NEAR_INDUSTRIES.length)][1], company.country(), company.legalForm())
                        : company();
                add("generic-hosts", false, company.name(), String.format(host, slug), other.name(),
                        String.format(host, other.label()), "different companies on one profile host");
            }
        }
    }

    private void countryDomains(int i) {
        Company company = company();
        int abroad = (company.country() + 1 + random.nextInt(COUNTRIES.length - 1)) % COUNTRIES.length;
        String[] forms = COUNTRIES[abroad];
        String subsidiary = company.words() + " " + forms[1 + random.nextInt(forms.length - 1)];
        String subsidiaryDomain = company.label() + "." + forms[0];
        if (i % 3 != 2) {
            add("country-domains", true, company.name(), typed(company.domain()), subsidiary, typed(subsidiaryDomain),
                    "same company group: a subsidiary on a country domain of the same name");
        } else {
            Company other = company();
            String otherName = i % 2 == 0 ? other.words() + " " + forms[1] : company.brand() + " "
                    + NEAR_INDUSTRIES[random.nextInt(NEAR_INDUSTRIES.length)][1] + " " + forms[1];
            add("country-domains", false, company.name(), typed(company.domain()), otherName,
                    typed(company.label() + "." + forms[0]), "different companies: the same domain label under "
                            + "another country's suffix, another name");
        }
    }

    /** Names in other scripts and with letters folding cannot be spelled without: each rule of the README. */
    private void scripts() {
        String[][] same = {
            {"ООО «Ромашка»", "Ромашка ООО", "Russian legal form first and last"},
            {"ООО \"Вектор\"", "Вектор", "Russian legal form first"},
            {"АО Сибирь", "Сибирь АО", "Russian AO"},
            {"ПАО Северсталь", "Северсталь", "Russian PAO"},
            {"ЗАО Гранит", "Гранит", "Russian ZAO"},
            {"ООО Меридиан", "ооо меридиан", "Russian case"},
            {"Промстрой ООО", "ООО ПРОМСТРОЙ", "Russian case and order"},
            {"Ёлка ООО", "Елка", "Russian yo folds to ye"},
            {"Άλφα Α.Ε.", "ΑΛΦΑ ΑΕ", "Greek accents, case and A.E."},
            {"Όλυμπος Α.Ε.", "Ολυμπος", "Greek legal form"},
            {"Ερμής Ε.Π.Ε.", "Ερμης", "Greek EPE and accent"},
            {"Αθηνά Α.Ε.", "ΑΘΗΝΑ", "Greek case"},
            {"株式会社トヨタ", "トヨタ株式会社", "Japanese legal form before and after"},
            {"(株)サクラ", "サクラ", "Japanese (kabu)"},
            {"㈱ミドリ", "ミドリ", "Japanese circled kabu"},
            {"サクラ株式会社", "さくら", "katakana and hiragana"},
            {"ヒカリ", "ひかり", "katakana and hiragana"},
            {"アサヒ商事株式会社", "あさひ商事", "kana folding with kanji"},
            {"ｻｸﾗ", "サクラ", "half-width katakana"},
            {"ガイア株式会社", "ガイア", "voiced katakana kept whole"},
            {"山田商事株式会社", "山田商事", "kanji with legal form"},
            {"有限会社ダイワ", "ダイワ", "Japanese yugen kaisha"},
            {"國際貿易有限公司", "国际贸易有限公司", "traditional and simplified Chinese"},
            {"華美電子有限公司", "华美电子", "traditional and simplified Chinese"},
            {"長城科技股份有限公司", "长城科技", "traditional and simplified Chinese"},
            {"東方銀行", "东方银行", "traditional and simplified Chinese"},
            {"萬達集團有限公司", "万达集团", "traditional and simplified Chinese"},
            {"寶豐實業有限公司", "宝丰实业有限公司", "traditional and simplified Chinese"},
            {"龍華電器有限公司", "龙华电器", "traditional and simplified Chinese"},
            {"주식회사 삼성", "삼성 주식회사", "Korean legal form first and last"},
            {"(주)한빛", "한빛", "Korean (ju)"},
            {"주식회사 현대", "현대", "Korean legal form"},
            {"미래 주식회사", "미래", "Korean legal form last"},
            {"대한전자 주식회사", "대한전자", "Korean"},
            {"Østergaard ApS", "Ostergaard", "o-slash"},
            {"Ærø Shipping A/S", "Aero Shipping", "ae ligature"},
            {"Großmann GmbH", "Grossmann", "sharp s"},
            {"Łukasiewicz Sp. z o.o.", "Lukasiewicz", "l-stroke, Polish legal form"},
            {"Müller Bäckerei", "Muller Backerei", "umlauts"},
            {"Señor Frío S.A.", "Senor Frio", "Spanish accents"},
            {"Crème Brûlée Café", "Creme Brulee Cafe", "French accents"},
            {"Łódź Foods", "Lodz Foods", "Polish letters"},
            {"Ｓｕｍｍｉｔ Ｌａｂｓ", "Summit Labs", "full-width Latin"},
            {"Søndergaard Ærlig", "Sondergaard Aerlig", "Danish letters"},
            {"Straße Bau GmbH", "Strasse Bau", "sharp s"}};
        for (String[] pair : same) {
            add("scripts", true, pair[0], "", pair[1], "", pair[2]);
            add("scripts", true, pair[1], "", pair[0], "", pair[2] + ", swapped");
        }
        String[][] different = {
            {"トヨタ", "トヨダ", "voicing mark makes another name"},
            {"カゼ株式会社", "ガゼ", "voicing mark makes another name"},
            {"サクラ", "ザクラ", "voicing mark makes another name"},
            {"ハナ", "バナ", "voicing mark makes another name"},
            {"ヒカリ", "ビカリ", "voicing mark makes another name"},
            {"한빛", "한빗", "Hangul syllables differing in one jamo"},
            {"미래", "미레", "Hangul syllables differing in one jamo"},
            {"삼성", "삼선", "Hangul syllables differing in one jamo"},
            {"현대", "현디", "Hangul syllables differing in one jamo"},
            {"대한전자", "대한전기", "Korean: another last syllable"},
            {"国际贸易", "国际物流", "Chinese: other business"},
            {"华美电子", "华美电器", "Chinese: other business"},
            {"東方銀行", "东方证券", "Chinese: bank and securities"},
            {"长城科技", "长江科技", "Chinese: another brand"},
            {"ООО Ромашка", "ООО Ромашкино", "Russian: a longer name"},
            {"ООО Вектор", "ООО Вектор Плюс", "Russian: a word more"},
            {"Сибирь АО", "Сибирь Банк", "Russian: another company"},
            {"Άλφα Α.Ε.", "Άλφα Τράπεζα Α.Ε.", "Greek: a word more"},
            {"Ερμής", "Ερμής Ασφάλειες", "Greek: a word more"},
            {"山田商事", "山田工業", "Japanese: other business"},
            {"アサヒ商事", "アサヒ物産", "Japanese: other business"},
            {"Østergaard ApS", "Østergaard Shipping", "a word more"},
            {"Großmann GmbH", "Großmann Bau GmbH", "a word more"},
            {"Łódź Foods", "Łódź Goods", "another industry"}};
        for (String[] pair : different) {
            add("scripts", false, pair[0], "", pair[1], "", pair[2]);
            add("scripts", false, pair[1], "", pair[0], "", pair[2] + ", swapped");
        }
    }

    /** Hand-written pairs: the issue's examples and known hard cases. */
    private void hardCases() {
        String[][] cases = {
            {"similar-names", "false", "Valley National Bank", "", "Valley National Tank", "", "issue example"},
            {"similar-names", "false", "Alpine Dental", "", "Alpine Rental Group", "", "issue example"},
            {"similar-names", "false", "Alpine Dental", "", "Alpine Dental Group", "", "a prefix is not a match"},
            {"similar-names", "false", "Pinecrest Motors", "", "Pinecrest Trust", "", "shared first word"},
            {"similar-names", "false", "Avanta Labs", "", "Avante Labs", "", "hard: brands one letter apart"},
            {"similar-names", "false", "Meridian Software", "", "Meridien Software", "", "hard: brands one letter apart"},
            {"similar-names", "false", "Cascade Energy", "", "Cascada Energy", "", "hard: brands one letter apart"},
            {"typos", "true", "Riverside Dental", "", "Rverside Dental", "", "issue example: typo in the first letters"},
            {"typos", "true", "Riverside Dental", "riversidedental.com", "Rivreside Dental LLC", "", "transposed"},
            {"typos", "true", "Ironbridge Brewing Co", "", "Ironbrige Brewing", "", "dropped letter"},
            {"abbreviations", "true", "Saint Mary Medical", "", "St. Mary Medical", "", "issue example"},
            {"abbreviations", "true", "Mount Vernon Mills", "", "Mt Vernon Mills", "", "issue example"},
            {"abbreviations", "true", "Acme International Inc.", "", "ACME INTL", "", "issue example"},
            {"abbreviations", "true", "Jones Brothers Manufacturing", "", "Jones Bros. Mfg.", "", "two abbreviations"},
            {"abbreviations", "true", "Valley National Bank", "", "Valley Natl Bank", "", "issue example"},
            {"name-variants", "true", "Pioneer Solar", "", "PioneerSolar Inc", "", "spacing"},
            {"name-variants", "true", "AT&T", "", "AT and T", "", "ampersand"},
            {"name-variants", "true", "S.A. Harris & Sons", "", "SA Harris and Sons", "", "initials"},
            {"generic-hosts", "true", "Copper Kettle", "https://copperkettle.com", "Copper Kettle Inc.",
                "https://www.linkedin.com/company/copper-kettle", "issue example"},
            {"generic-hosts", "false", "Copper Kettle Coffee", "https://www.linkedin.com/company/copper-kettle",
                "Blue Harbor Logistics", "https://www.linkedin.com/company/blue-harbor", "issue example"},
            {"country-domains", "true", "Siemens AG", "siemens.de", "Siemens Ltd", "https://www.siemens.co.uk",
                "subsidiary"},
            {"country-domains", "false", "Delta Möbel GmbH", "delta.de", "Delta Air Lines", "delta.com",
                "same label, different companies"}};
        for (String[] c : cases) {
            add(c[0], Boolean.parseBoolean(c[1]), c[2], c[3], c[4], c[5], c[6]);
        }
    }
}
