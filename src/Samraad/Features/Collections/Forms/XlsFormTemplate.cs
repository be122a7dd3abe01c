using Samraad.Documents;

namespace Samraad.Features.Collections.Forms;

/// <summary>
/// *Hent skabelon*: an example form with every question type Samraad knows, as XLSForm, and a sheet explaining in
/// Danish what each column means. It reads back without a problem (tested), so a secretariat can start from it.
/// </summary>
public static class XlsFormTemplate
{
    public static byte[] Write() => Xlsx.Write(XlsFormWriter.Sheets(Example()).Append(("vejledning", Guide())));

    public static FormSpec Example()
    {
        var json = FormSpecReader.Write(new FormSpec
        {
            Key = "eksempel", Version = 1, Title = "Eksempel: klimatilpasning i kommunerne",
            Description = "Skabelon med alle spørgsmålstyper. Ret, slet og tilføj rækker, og indlæs arket i Samraad.",
            Scales = new()
            {
                ["grad"] = [Option("hoej", "I høj grad"), Option("nogen", "I nogen grad"), Option("ringe", "I ringe grad"), Option("slet", "Slet ikke")],
                ["tiltag"] = [Option("plan", "Klimatilpasningsplan"), Option("kort", "Risikokortlægning"), Option("lar", "Lokal afledning af regnvand (LAR)"),
                    new OptionSpec { Key = "ingen", Label = "Ingen af delene", Exclusive = true }],
            },
            Categories = new() { ["grad"] = [new CategorySpec { Key = "hoej-nogen", Label = "I høj eller nogen grad", Options = ["hoej", "nogen"] }] },
            MissingCodes = [Option("ved-ikke", "Ved ikke"), Option("ikke-relevant", "Ikke relevant"), Option("data-mangler", "Data foreligger endnu ikke")],
            Sections =
            [
                new SectionSpec
                {
                    Key = "plan", Title = "Plan og organisering", Description = "Om kommunens plan for klimatilpasning.",
                    Fields =
                    [
                        new FieldSpec { Key = "har-plan", Label = "Har kommunen en vedtaget klimatilpasningsplan?", Type = FieldType.YesNo, Required = true, ShortLabel = "Plan" },
                        new FieldSpec
                        {
                            Key = "vedtaget", Label = "Hvornår blev planen vedtaget?", Type = FieldType.Date, Hint = "Skriv datoen som dd-mm-åååå.",
                            AskedIf = new ConditionSpec { Field = "har-plan", IsYes = true },
                        },
                        new FieldSpec
                        {
                            Key = "hvorfor-ikke", Label = "Hvorfor har kommunen ikke en plan?", Type = FieldType.Text, MaxLength = 1000,
                            AskedIf = new ConditionSpec { Field = "har-plan", IsYes = false },
                        },
                        new FieldSpec { Key = "tiltag", Label = "Hvilke tiltag har kommunen? (vælg alle relevante)", Type = FieldType.MultiChoice, Scale = "tiltag", MaxChoices = 3, MissingCodes = ["ved-ikke"] },
                        new FieldSpec { Key = "forankring", Label = "I hvilken grad er planen forankret politisk?", Type = FieldType.Choice, Scale = "grad", MissingCodes = ["ved-ikke"] },
                        new FieldSpec
                        {
                            Key = "ansvar", Label = "Hvilken forvaltning har ansvaret?", Type = FieldType.Choice,
                            Options = [Option("teknik", "Teknik og miljø"), Option("plan", "Plan og byg"), Option("andet", "En anden forvaltning")],
                        },
                    ],
                },
                new SectionSpec
                {
                    Key = "tal", Title = "Tal og økonomi",
                    Fields =
                    [
                        new FieldSpec { Key = "medarbejdere", Label = "Antal medarbejdere, der arbejder med klimatilpasning", Type = FieldType.Integer, Min = 0, Max = 1000, MissingCodes = ["ved-ikke", "data-mangler"] },
                        new FieldSpec { Key = "heraf-fuldtid", Label = "Heraf på fuld tid", Type = FieldType.Integer, Min = 0 },
                        new FieldSpec { Key = "budget", Label = "Budget til klimatilpasning i år", Type = FieldType.Amount, Unit = "kr.", Min = 0 },
                        new FieldSpec { Key = "andel", Label = "Andel af budgettet til kystbeskyttelse", Type = FieldType.Percent, Min = 0, Max = 100, MissingCodes = ["ikke-relevant"] },
                        new FieldSpec { Key = "timer", Label = "Timer brugt pr. uge i gennemsnit", Type = FieldType.Decimal, Min = 0 },
                    ],
                },
                new SectionSpec
                {
                    Key = "vurdering", Title = "Vurdering",
                    Fields =
                    [
                        new FieldSpec
                        {
                            Key = "samarbejde", Label = "I hvilken grad samarbejder kommunen med …", Type = FieldType.Matrix, Required = true,
                            Rows = [Option("nabo", "nabokommunerne"), Option("region", "regionen"), Option("forsyning", "forsyningsselskabet")],
                            Columns = [Option(XlsFormWriter.OnlyColumn, XlsFormWriter.OnlyColumnLabel)],
                            Cell = new ValueSpec { Type = FieldType.Choice, Scale = "grad" },
                        },
                        new FieldSpec
                        {
                            Key = "haendelser", Label = "Antal oversvømmelser pr. år", Type = FieldType.Matrix,
                            Rows = [Option("skybrud", "Efter skybrud"), Option("stormflod", "Efter stormflod")],
                            Columns = [Option("y2023", "2023"), Option("y2024", "2024")],
                            Cell = new ValueSpec { Type = FieldType.Integer, Min = 0 },
                        },
                        new FieldSpec
                        {
                            Key = "projekter", Label = "Kommunens største klimatilpasningsprojekter", Type = FieldType.Table, MaxRows = 5,
                            MaxRowsMessage = "Nævn højst fem projekter: de største først.",
                            TableColumns =
                            [
                                new FieldSpec { Key = "navn", Label = "Projekt", Type = FieldType.Text, MaxLength = 200, Required = true },
                                new FieldSpec { Key = "pris", Label = "Anlægsudgift", Type = FieldType.Amount, Unit = "kr." },
                                new FieldSpec { Key = "faerdig", Label = "Forventet færdig", Type = FieldType.Date },
                            ],
                        },
                    ],
                },
            ],
            PartOf = [new PartOfSpec { Field = "heraf-fuldtid", AtMost = "medarbejdere" }],
            TextLimits = [new TextLimitSpec { Label = "Begrundelsen", Max = 1000, Fields = ["hvorfor-ikke"] }],
        });
        return FormSpecReader.Parse(json);
    }

    static OptionSpec Option(string key, string label) => new() { Key = key, Label = label };

    static List<IReadOnlyList<string?>> Guide() =>
    [
        ["Ark og kolonne", "Hvad den betyder"],
        ["Om skabelonen", "Skemaet er skrevet i XLSForm, det format KoboToolbox, ODK og SurveyCTO bruger. Hver række på arket survey er et spørgsmål, eller begyndelsen eller slutningen af et afsnit, en matrix eller en tabel. Kolonner, der begynder med samraad_, er Samraads egne; andre værktøjer springer dem over."],
        ["survey: type", "integer (helt tal), decimal, text, date, select_one LISTE (ét svar fra listen på arket choices), select_multiple LISTE (vælg alle relevante), begin_group/end_group (et afsnit; med appearance table-list en matrix), begin_repeat/end_repeat (en tabel med flere rækker)."],
        ["survey: name", "Spørgsmålets nøgle i eksporter og betingelser: bogstaver a–z, tal, _, - og punktum. Skal være unik."],
        ["survey: label", "Spørgsmålet, som respondenten ser det. Har arket flere sprog, bruges label::Dansk (da)."],
        ["survey: hint", "En hjælpetekst under spørgsmålet. På et afsnit: afsnittets beskrivelse."],
        ["survey: required", "yes, hvis spørgsmålet skal besvares før indsendelse."],
        ["survey: relevant", "Hvornår spørgsmålet stilles: ${felt} = 'værdi', ${felt} != 'værdi', selected(${felt}, 'værdi') for flervalg, talsammenligninger (${antal} >= 10), and, or og parenteser. Feltet skal stå før spørgsmålet. Andre udtryk afvises med en forklaring."],
        ["survey: constraint", "Grænser: . >= 0 and . <= 100 (tal), string-length(.) <= 500 (tekst), count-selected(.) <= 3 (flervalg), . >= today() (en dato, der ikke må ligge før i dag), . <= ${andet} (tallet er en del af et andet tal, fx »heraf«)."],
        ["survey: appearance", "table-list på en begin_group gør gruppen til en matrix: hvert spørgsmål i gruppen er en række, og alle har samme type og liste."],
        ["survey: repeat_count", "På en begin_repeat: det højeste antal rækker i tabellen (et tal fra 1 til 1000)."],
        ["survey: samraad_type", "yesno (et ja/nej-spørgsmål; typen er select_one ja_nej), amount (et beløb i kroner) eller percent (en procent); de to sidste på en integer eller decimal."],
        ["survey: samraad_options", "inline, når listen kun hører til dette spørgsmål; ellers er listen en navngivet skala, som flere spørgsmål kan dele, og som kan have kategorier."],
        ["survey: samraad_missing", "De manglende-koder, spørgsmålet accepterer i stedet for et svar, adskilt med mellemrum (fx ved-ikke data-mangler). Koderne står i listen samraad_missing_codes på arket choices."],
        ["survey: samraad_unit", "Enheden, der vises ved feltet (fx kr. eller timer)."],
        ["survey: samraad_short_label", "En kort overskrift til oversigtstabeller (fx Plan)."],
        ["survey: samraad_personal", "yes, når svaret er en persons oplysninger (navn, telefon, e-mail): det vises kun for sekretariatet og respondenten selv."],
        ["survey: samraad_columns", "På en matrix: kolonnerne, én pr. linje som »nøgle = tekst« (fx y2024 = 2024). Tom: én kolonne »Svar«, som en almindelig XLSForm-matrix."],
        ["survey: samraad_max_rows_message", "På en tabel: teksten, der forklarer det højeste antal rækker."],
        ["choices: list_name, name, label", "Svarlisterne: listens navn, svarets værdi (det, der gemmes) og teksten."],
        ["choices: samraad_counts_as_yes", "yes, når svaret tæller som et ja i oversigter (fx »Ja*«)."],
        ["choices: samraad_exclusive", "yes, når svaret i et flervalg ikke kan vælges sammen med andre (fx »Ingen af delene«)."],
        ["choices: samraad_description", "En forklaring til svaret."],
        ["settings", "form_title er skemaets titel, form_id dets nøgle og version dets versionsnummer; samraad_description en beskrivelse."],
        ["samraad_categories", "Navngivne kategorier af en skalas svar, der tælles sammen i oversigter: list_name (skalaen), name, label og options (svarene, adskilt med mellemrum)."],
        ["samraad_text_limits", "En grænse for den samlede længde af flere tekstsvar: label, max (antal tegn) og fields (spørgsmålenes navne, adskilt med mellemrum)."],
        ["Metadata", "Typerne start, end, today, deviceid og lignende fra KoboToolbox springes over: Samraad registrerer selv, hvem der svarede og hvornår."],
    ];
}
