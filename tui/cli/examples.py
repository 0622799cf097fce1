"""The examples each command's --help ends with (tests run every one)."""

EXPLORER_EXAMPLES = """\
examples:
  ikt                                   open the explorer on social media
  ikt --screen ecommerce --year 2012    open e-commerce with 2012 selected
  ikt --screen policy --by size --lang en
  ikt list                              themes, their indicators and years
  ikt show ecommerce --year 2012        one theme's table, without the interface
  ikt get ec_sales_web --format json    one indicator's figures with their sources

Run 'ikt COMMAND --help' for a command's options."""

LIST_EXAMPLES = """\
examples:
  ikt list                      themes with number of indicators and years
  ikt list ecommerce            the e-commerce indicators: id, label, years, sources
  ikt list policy --format csv  the same as CSV"""

SHOW_EXAMPLES = """\
examples:
  ikt show ecommerce                          every year, all enterprises, Norway
  ikt show --file 10974.json --format csv     any JSON-stat, PX or Eurostat table
  ikt show ecommerce --year 2012              one year
  ikt show social-media --years 2013-2017 --by size
  ikt show policy --format csv > policy.csv   one row per figure
  ikt show policy --format xlsx --output policy.xlsx
                                              a workbook: the table, its figures, sources
  ikt show ecommerce --geo NO,SE,DK,FI,IS     compare countries (Eurostat figures only)
  ikt show --file t.px --geo all              every geography of a file, whoever published it
  ikt show --file t.px --all --format csv     every cell of a file with all its codes

Missing figures show their symbol: .. not available, : confidential or not available,
. not applicable. A letter after a value is its status flag (b break in series); * marks a
figure of another series, base or unit than the row's latest. Years are reference years;
e-commerce refers to the year before the survey."""

GET_EXAMPLES = """\
examples:
  ikt get ec_sales_web                         every year, with status, base and source
  ikt get ec_sales_web --year 2012 --format json
  ikt get eu_e_esell --group 10-49 --geo NO,SE,DK
  ikt get sm_purpose_marketing --lang nb --format markdown"""

OPEN_EXAMPLES = """\
examples:
  ikt open 10974.json               a JSON-stat 2.0 table saved from SSB's StatBank or API
  ikt open table.px --lang en       a PX file as StatBank downloads it (windows-1252 is fine)
  ikt open isoc_ec_esels.tsv.gz     a Eurostat TSV (bulk or SDMX flavour, gzip or not)
  ikt open isoc_ec_esels.csv        a Eurostat SDMX-CSV file"""

UPDATE_EXAMPLES = """\
examples:
  ikt update                        fetch SSB's tables and Eurostat's datasets
  ikt update --tables 10974 --lang en
  ikt update --source eurostat --geo NO,SE,DK
                                    Eurostat's datasets for three countries
  ikt update --dry-run              print the URLs, fetch nothing
  ikt update --offline              check what the cache holds, never touch the network
  ikt update --changes --format csv every new and revised figure, one a row
  IKT_SSB_API_URL=http://127.0.0.1:8080/api/pxwebapi/v2 ikt update"""

TABLES_EXAMPLES = """\
examples:
  ikt tables sosiale medium          SSB's tables about social media, old and new
  ikt tables SN2025 --lang en        the tables under the new industry standard, in English
  ikt tables e-handel --format csv   the same list as CSV, one table per row
  ikt update --tables 14933          then fetch the one you found

Each table shows its id, first and last period, when its figures were last updated, and
whether SSB still adds figures to it (discontinued tables get no new years)."""

HEADLINES_EXAMPLES = """\
examples:
  ikt headlines ecommerce --year 2012      what changed in 2012, each sentence with its sources
  ikt headlines social-media --lang nb     every year, newest first, in bokmål
  ikt headlines policy --by size           how each indicator runs with the size of the enterprise
  ikt headlines ecommerce --geo NO,SE,DK   Norway against Sweden and Denmark (Eurostat figures)
  ikt headlines --year 2013 --format json  every theme, with the figures each sentence cites

Every number in a headline is a cited figure, a year, or the difference of two cited figures;
only figures of the same series, base and unit are compared, and a missing figure is left out."""
