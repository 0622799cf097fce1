"""The labels and source descriptions the build writes into data/: edited here, by hand, once."""

from __future__ import annotations

# (kind, id, bokmål, English). Kinds: theme, indicator, breakdown, group, geo, status, unit, base, series.
LABELS: list[tuple[str, str, str, str]] = [
    ("theme", "social_media", "Sosiale medier", "Social media"),
    ("theme", "policy", "Retningslinjer", "Policy"),
    ("theme", "ecommerce", "E-handel", "E-commerce"),
    # --- SSB indicators: social media
    (
        "indicator",
        "sm_any",
        "Bruker sosiale medier (én eller flere typer)",
        "Uses social media (one or more types)",
    ),
    (
        "indicator",
        "sm_type_social_networks",
        "Sosiale nettverk (f.eks. Facebook, LinkedIn)",
        "Social networks (e.g. Facebook, LinkedIn)",
    ),
    (
        "indicator",
        "sm_type_multimedia_sharing",
        "Deling av multimedieinnhold (f.eks. YouTube)",
        "Multimedia content sharing (e.g. YouTube)",
    ),
    (
        "indicator",
        "sm_type_blogs_microblogs",
        "Blogger eller mikroblogger (f.eks. Twitter)",
        "Blogs or microblogs (e.g. Twitter)",
    ),
    ("indicator", "sm_type_wikis", "Wikier for kunnskapsdeling", "Wiki-based knowledge sharing"),
    (
        "indicator",
        "sm_purpose_marketing",
        "Formål: markedsføring eller omdømme",
        "Purpose: marketing or image",
    ),
    ("indicator", "sm_purpose_recruitment", "Formål: rekruttering", "Purpose: recruitment"),
    (
        "indicator",
        "sm_purpose_customer_opinions",
        "Formål: synspunkter og spørsmål fra kunder",
        "Purpose: customer opinions and questions",
    ),
    (
        "indicator",
        "sm_purpose_internal_collaboration",
        "Formål: internt samarbeid og kunnskap",
        "Purpose: internal exchange of views",
    ),
    (
        "indicator",
        "sm_purpose_customer_product_dev",
        "Formål: produktutvikling med kunder",
        "Purpose: product development with customers",
    ),
    (
        "indicator",
        "sm_purpose_partner_collaboration",
        "Formål: samarbeid med partnere",
        "Purpose: collaboration with partners",
    ),
    (
        "indicator",
        "sm_social_networks_or_any_ambiguous",
        "Sosiale nettverk eller sosiale medier (uklart hvilket)",
        "Social networks or any social media (unclear which)",
    ),
    # --- SSB indicators: policy
    (
        "indicator",
        "policy_social_media_formal",
        "Formell policy for bruk av sosiale medier",
        "Formal policy for social media use",
    ),
    # --- SSB indicators: e-commerce
    (
        "indicator",
        "ec_any",
        "Utført e-handel (salg eller kjøp)",
        "Carried out e-commerce (sales or purchases)",
    ),
    ("indicator", "ec_sales_web", "Salg via egne nettsider", "Sales via own website"),
    ("indicator", "ec_edi", "E-handel via EDI", "E-commerce via EDI"),
    ("indicator", "ec_purchases_internet", "Innkjøp via internett", "Purchases via the internet"),
    (
        "indicator",
        "ec_sales_web_or_edi",
        "Mottatt bestillinger (nettside eller EDI)",
        "Received orders (website or EDI)",
    ),
    (
        "indicator",
        "ec_sales_turnover_share",
        "E-handelssalg, andel av samlet omsetning",
        "E-commerce sales, share of total turnover",
    ),
    (
        "indicator",
        "ec_sales_turnover_value",
        "Omsetning fra e-handelssalg",
        "Turnover from e-commerce sales",
    ),
    (
        "indicator",
        "ec_sales_edi_share_of_ec_turnover",
        "EDI-salg, andel av e-handelsomsetningen",
        "EDI sales, share of e-commerce turnover",
    ),
    # --- Eurostat indicators (Norway's answers as Eurostat publishes them)
    ("indicator", "eu_e_esell", "E-handelssalg (Eurostat)", "E-commerce sales (Eurostat)"),
    (
        "indicator",
        "eu_e_aesell",
        "E-handelssalg minst 1 % av omsetningen (Eurostat)",
        "E-commerce sales of at least 1% of turnover (Eurostat)",
    ),
    ("indicator", "eu_e_awsell", "Salg via nettside eller app (Eurostat)", "Web sales (Eurostat)"),
    ("indicator", "eu_e_axsell", "Salg via EDI-meldinger (Eurostat)", "EDI-type sales (Eurostat)"),
    (
        "indicator",
        "eu_turnover_share",
        "E-handel, andel av samlet omsetning (Eurostat)",
        "E-commerce share of total turnover (Eurostat)",
    ),
    (
        "indicator",
        "eu_e_secpol2",
        "Har dokumenter om IKT-sikkerhet (Eurostat)",
        "Has documents on ICT security (Eurostat)",
    ),
    (
        "indicator",
        "eu_e_secprev_le2",
        "IKT-sikkerhetspolicy sist vurdert: siste 12 mnd. (Eurostat)",
        "ICT security policy last reviewed: within 12 months (Eurostat)",
    ),
    (
        "indicator",
        "eu_e_secprev_1_2",
        "IKT-sikkerhetspolicy sist vurdert: 12-24 mnd. siden (Eurostat)",
        "ICT security policy last reviewed: 12-24 months ago (Eurostat)",
    ),
    (
        "indicator",
        "eu_e_secprev_mt2",
        "IKT-sikkerhetspolicy sist vurdert: over 24 mnd. (Eurostat)",
        "ICT security policy last reviewed: over 24 months ago (Eurostat)",
    ),
    # --- breakdowns and groups
    ("breakdown", "total", "Totalt", "Total"),
    ("breakdown", "size", "Størrelse", "Size class"),
    ("breakdown", "industry", "Næring", "Industry"),
    ("group", "total", "Alle foretak", "All enterprises"),
    ("group", "10-49", "10-49 sysselsatte", "10-49 employed"),
    ("group", "50-249", "50-249 sysselsatte", "50-249 employed"),
    ("group", "250+", "250 sysselsatte og over", "250+ employed"),
    ("group", "10-249", "10-249 sysselsatte (SMB)", "10-249 employed (SMEs)"),
    ("group", "100+", "100 sysselsatte og over", "100+ employed"),
    ("group", "10-33", "Industri (10-33)", "Manufacturing (10-33)"),
    ("group", "35-39", "Kraft, vann og avfall (35-39)", "Electricity, water, waste (35-39)"),
    ("group", "41-43", "Bygg og anlegg (41-43)", "Construction (41-43)"),
    (
        "group",
        "45",
        "Handel med og reparasjon av motorvogner (45)",
        "Trade and repair of motor vehicles (45)",
    ),
    ("group", "46", "Agentur- og engroshandel (46)", "Wholesale trade (46)"),
    ("group", "47", "Detaljhandel (47)", "Retail trade (47)"),
    ("group", "49-53", "Transport og lagring (49-53)", "Transportation and storage (49-53)"),
    (
        "group",
        "55-56",
        "Overnatting og servering (55-56)",
        "Accommodation and food service (55-56)",
    ),
    (
        "group",
        "58-63",
        "Informasjon og kommunikasjon (58-63)",
        "Information and communication (58-63)",
    ),
    (
        "group",
        "64-66",
        "Finansiering og forsikring (64-66)",
        "Financial and insurance activities (64-66)",
    ),
    ("group", "68", "Omsetning og drift av fast eiendom (68)", "Real estate activities (68)"),
    (
        "group",
        "69-74",
        "Faglig og teknisk tjenesteyting (69-74)",
        "Professional and technical activities (69-74)",
    ),
    (
        "group",
        "77-82",
        "Forretningsmessig tjenesteyting (77-82)",
        "Administrative and support activities (77-82)",
    ),
    (
        "group",
        "95.1",
        "Reparasjon av datamaskiner og kommunikasjonsutstyr (95.1)",
        "Repair of computers and communication equipment (95.1)",
    ),
    # --- countries
    ("geo", "NO", "Norge", "Norway"),
    ("geo", "SE", "Sverige", "Sweden"),
    ("geo", "DK", "Danmark", "Denmark"),
    ("geo", "FI", "Finland", "Finland"),
    ("geo", "IS", "Island", "Iceland"),
    ("geo", "EU27_2020", "EU (27 land fra 2020)", "EU (27 countries from 2020)"),
    ("geo", "EU28", "EU (28 land, 2013-2020)", "EU (28 countries, 2013-2020)"),
    # --- status symbols (SSB) and flags (Eurostat)
    ("status", "", "Publisert tall", "Published figure"),
    ("status", ".", "Ikke mulig å oppgi", "Category not applicable"),
    ("status", "..", "Tall mangler", "Data not available"),
    ("status", ":", "Ikke tilgjengelig eller konfidensielt", "Not available or confidential"),
    ("status", ":u", "Ikke tilgjengelig (lav pålitelighet)", "Not available (low reliability)"),
    ("status", ":c", "Konfidensielt", "Confidential"),
    ("status", "b", "Brudd i tidsserien", "Break in time series"),
    ("status", "u", "Lav pålitelighet", "Low reliability"),
    ("status", "c", "Konfidensielt", "Confidential"),
    ("status", "e", "Anslått", "Estimated"),
    ("status", "p", "Foreløpig", "Provisional"),
    ("status", ">", 'Nedre grense ("over")', 'Lower bound ("over")'),
    # --- units
    ("unit", "percent", "prosent", "per cent"),
    ("unit", "nok_bn", "milliarder kroner", "NOK billion"),
    # --- base populations
    (
        "base",
        "ssb_10plus",
        "Alle foretak med minst 10 sysselsatte",
        "All enterprises with at least 10 employees",
    ),
    (
        "base",
        "ssb_sm_users",
        "Foretak som bruker sosiale medier (grunnlag uklart)",
        "Enterprises using social media (base unclear)",
    ),
    ("base", "ssb_ec_turnover", "Omsetning fra e-handelssalg", "Turnover from e-commerce sales"),
    (
        "base",
        "ssb_total_turnover",
        "Samlet omsetning i næringene i undersøkelsen",
        "Total turnover of the industries surveyed",
    ),
    (
        "base",
        "eu_10plus_excl_fin",
        "Foretak med minst 10 sysselsatte, unntatt finanssektoren (Eurostat)",
        "Enterprises with 10+ persons employed, excluding the financial sector (Eurostat)",
    ),
    (
        "base",
        "eu_turnover_10plus_excl_fin",
        "Omsetning i foretak med minst 10 sysselsatte, unntatt finanssektoren (Eurostat)",
        "Turnover of enterprises with 10+ persons employed, excl. the financial sector (Eurostat)",
    ),
    # --- source series (a change between two years is only computed within one)
    ("series", "ssb", "SSB", "SSB"),
    (
        "series",
        "eu_scoreboard",
        "EUs Digital Agenda Scoreboard (Eurostat-omfang)",
        "EU Digital Agenda Scoreboard (Eurostat scope)",
    ),
    ("series", "isoc_ec_esels", "Eurostat isoc_ec_esels", "Eurostat isoc_ec_esels"),
    ("series", "isoc_ec_eseln2", "Eurostat isoc_ec_eseln2", "Eurostat isoc_ec_eseln2"),
    ("series", "isoc_cisce_ra", "Eurostat isoc_cisce_ra", "Eurostat isoc_cisce_ra"),
    ("series", "tin00110", "Eurostat tin00110", "Eurostat tin00110"),
]

# source_id -> (publisher, title, date or dataset code, url, kind, scope note)
SOURCES: dict[str, tuple[str, str, str, str, str, str]] = {
    "ssb-release-2013": (
        "SSB",
        "ICT usage in enterprises, 2013: One in two enterprises use social media",
        "2013-10-01",
        "https://statbank.ssb.no/en/teknologi-og-innovasjon/statistikker/iktbrukn/aar/2013-10-01",
        "primary",
        "Enterprises with at least 10 employees; e-commerce refers to the year before.",
    ),
    "ssb-release-2015-en": (
        "SSB",
        "ICT usage in enterprises, 2015: Six in ten enterprises use social networks",
        "2015-09-11",
        "https://statbank.ssb.no/en/teknologi-og-innovasjon/statistikker/iktbrukn/aar/2015-09-11",
        "primary",
        "Enterprises with at least 10 employees.",
    ),
    "ssb-release-2015-nn": (
        "SSB",
        "Bruk av IKT i næringslivet, 2015: Seks av ti føretak bruker sosiale nettverk",
        "2015-09-11",
        "https://ssb.no/teknologi-og-innovasjon/statistikker/iktbrukn/aar/2015-09-11",
        "primary",
        "Føretak med minst 10 sysselsette.",
    ),
    "ssb-release-2016": (
        "SSB",
        "ICT usage in enterprises, 2016",
        "2016-08-31",
        "https://statbank.ssb.no/en/teknologi-og-innovasjon/statistikker/iktbrukn/aar/2016-08-31",
        "primary",
        "Enterprises with at least 10 employees.",
    ),
    "ssb-statistics-page-2020": (
        "SSB",
        "Bruk av IKT i næringslivet (statistikkside, publisering 2020-09-17)",
        "2020-09-17",
        "https://www.ssb.no/iktbrukn",
        "primary",
        "Føretak med minst 10 sysselsette.",
    ),
    "ssb-article-2017": (
        "SSB",
        "Bruker sosiale medier til omdømme og rekruttering (artikkel)",
        "2017",
        "https://www.ssb.no/teknologi-og-innovasjon/artikler-og-publikasjoner/"
        "bruker-sosiale-medier-til-omdomme-og-rekruttering",
        "primary",
        "Purpose shares for 2017 appear to be of enterprises using social media.",
    ),
    "ssb-article-2019": (
        "SSB",
        "Stadig fleire føretak nyttar sosiale medium (artikkel)",
        "2019",
        "https://www.ssb.no/teknologi-og-innovasjon/artikler-og-publikasjoner/"
        "stadig-fleire-foretak-nyttar-sosiale-medium",
        "primary",
        "Føretak med minst 10 sysselsette.",
    ),
    "nforeningen-2013": (
        "nforeningen.no",
        "Slik brukes sosiale medium (gjengir SSBs publisering 2013)",
        "2013",
        "https://nforeningen.no/slik-brukes-sosiale-medium/",
        "secondary",
        "Copy of SSB's 2013 release text.",
    ),
    "digi-2013": (
        "digi.no",
        "Allsidig bruk av sosiale medier (omtale av SSBs publisering 2013)",
        "2013",
        "https://www.digi.no/artikler/allsidig-bruk-av-sosiale-medier/289154",
        "secondary",
        "News article reporting SSB's 2013 release; the article this project started from.",
    ),
    "ledernett-2017": (
        "ledernett.no",
        "Bruker sosiale medier til omdømme og rekruttering (gjengir SSB)",
        "2017",
        "https://ledernett.no/nyheter-rekruttering-sosiale-medier/"
        "bruker-sosiale-medier-til-omdomme-og-rekruttering/506630",
        "secondary",
        "Copy of SSB's 2017 article.",
    ),
    "regjeringen-indicator": (
        "regjeringen.no (Det digitale Norge)",
        "Bruk av sosiale medier, bedrifter (indikator)",
        "",
        "http://digitalenorge.regjeringen.no/indikator/bruk-av-sosiale-medier-bedrifter",
        "secondary",
        "EU Digital Agenda Scoreboard figures: 10+ employees, financial sector excluded.",
    ),
    "eurostat-isoc_ec_esels": (
        "Eurostat (data provider for NO: SSB)",
        "E-commerce sales of enterprises by size class",
        "isoc_ec_esels",
        "https://doi.org/10.2908/ISOC_EC_ESELS",
        "primary",
        "Enterprises with 10+ persons employed, excluding the financial sector (C10-S951_X_K); "
        "survey year = reference year + 1.",
    ),
    "eurostat-isoc_ec_eseln2": (
        "Eurostat (data provider for NO: SSB)",
        "E-commerce sales by NACE Rev.2 and size class",
        "isoc_ec_eseln2",
        "https://doi.org/10.2908/ISOC_EC_ESELN2",
        "primary",
        "Bulk download, 2020 vintage, whole percentages.",
    ),
    "eurostat-isoc_cisce_ra": (
        "Eurostat (data provider for NO: SSB)",
        "ICT security in enterprises",
        "isoc_cisce_ra",
        "https://doi.org/10.2908/ISOC_CISCE_RA",
        "primary",
        "Enterprises with 10+ persons employed, excluding the financial sector; January of the "
        "survey year.",
    ),
    "eurostat-tin00110": (
        "Eurostat (data provider for NO: SSB)",
        "Enterprises' total turnover from e-commerce (% of total turnover)",
        "tin00110",
        "https://doi.org/10.2908/TIN00110",
        "primary",
        "Enterprises with 10+ persons employed, excluding the financial sector; survey year = "
        "reference year + 1.",
    ),
}

# URL in ssb_ikt_figures.csv -> source id (rank: lower is the more authoritative primary source)
SSB_URLS: dict[str, tuple[str, int]] = {
    "https://statbank.ssb.no/en/teknologi-og-innovasjon/statistikker/iktbrukn/aar/2013-10-01": (
        "ssb-release-2013",
        0,
    ),
    "https://statbank.ssb.no/en/teknologi-og-innovasjon/statistikker/iktbrukn/aar/2015-09-11": (
        "ssb-release-2015-en",
        1,
    ),
    "https://ssb.no/teknologi-og-innovasjon/statistikker/iktbrukn/aar/2015-09-11": (
        "ssb-release-2015-nn",
        2,
    ),
    "https://statbank.ssb.no/en/teknologi-og-innovasjon/statistikker/iktbrukn/aar/2016-08-31": (
        "ssb-release-2016",
        3,
    ),
    "https://www.ssb.no/iktbrukn": ("ssb-statistics-page-2020", 4),
    "https://www.ssb.no/teknologi-og-innovasjon/artikler-og-publikasjoner/"
    "bruker-sosiale-medier-til-omdomme-og-rekruttering": ("ssb-article-2017", 5),
    "https://www.ssb.no/teknologi-og-innovasjon/artikler-og-publikasjoner/"
    "stadig-fleire-foretak-nyttar-sosiale-medium": ("ssb-article-2019", 6),
    "https://nforeningen.no/slik-brukes-sosiale-medium/": ("nforeningen-2013", 10),
    "https://ledernett.no/nyheter-rekruttering-sosiale-medier/"
    "bruker-sosiale-medier-til-omdomme-og-rekruttering/506630": ("ledernett-2017", 11),
    "https://www.digi.no/artikler/allsidig-bruk-av-sosiale-medier/289154": ("digi-2013", 12),
    "http://digitalenorge.regjeringen.no/indikator/bruk-av-sosiale-medier-bedrifter": (
        "regjeringen-indicator",
        13,
    ),
}

# The order indicators are listed in on each screen.
INDICATOR_ORDER: dict[str, list[str]] = {
    "social_media": [
        "sm_any",
        "sm_type_social_networks",
        "sm_type_multimedia_sharing",
        "sm_type_blogs_microblogs",
        "sm_type_wikis",
        "sm_purpose_marketing",
        "sm_purpose_recruitment",
        "sm_purpose_customer_opinions",
        "sm_purpose_internal_collaboration",
        "sm_purpose_customer_product_dev",
        "sm_purpose_partner_collaboration",
        "sm_social_networks_or_any_ambiguous",
    ],
    "policy": [
        "policy_social_media_formal",
        "eu_e_secpol2",
        "eu_e_secprev_le2",
        "eu_e_secprev_1_2",
        "eu_e_secprev_mt2",
    ],
    "ecommerce": [
        "ec_any",
        "ec_sales_web",
        "ec_edi",
        "ec_purchases_internet",
        "ec_sales_web_or_edi",
        "ec_sales_turnover_share",
        "ec_sales_turnover_value",
        "ec_sales_edi_share_of_ec_turnover",
        "eu_e_esell",
        "eu_e_aesell",
        "eu_e_awsell",
        "eu_e_axsell",
        "eu_turnover_share",
    ],
}
