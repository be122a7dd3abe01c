using System.Globalization;
using Samraad.Documents;

namespace Samraad.Features.Collections.Forms;

/// <summary>A read form spreadsheet: the form, or every problem found (by sheet, row and column); and what was skipped on purpose.</summary>
public sealed record XlsFormRead(FormSpec? Form, IReadOnlyList<string> Problems, IReadOnlyList<string> Notes)
{
    public bool Ok => Form is not null;
}

/// <summary>
/// Reads a form written in XLSForm (sheets survey, choices, settings), the format KoboToolbox, ODK and SurveyCTO users
/// write forms in, plus Samraad's own columns and sheets (prefixed <c>samraad_</c>, which other tools ignore) for what
/// XLSForm has no word for. A sheet is taken whole or not at all: every problem is collected, and none is saved.
/// See <see cref="XlsFormWriter"/> for the mapping both ways.
/// </summary>
public static class XlsFormReader
{
    public const string MissingCodesList = "samraad_missing_codes";
    const int MaxProblems = 50;

    /// <summary>Device metadata that ODK collects by itself and a web form has no use for: skipped, and said so.</summary>
    static readonly HashSet<string> Metadata = ["start", "end", "today", "deviceid", "phonenumber", "username", "simserial", "subscriberid", "email", "audit", "start-geopoint"];

    /// <summary>Columns whose meaning Samraad cannot keep: a sheet using them is refused rather than imported wrong.</summary>
    static readonly string[] Unsupported = ["calculation", "default", "choice_filter", "read_only", "trigger", "parameters"];

    static readonly HashSet<string> Sheets = ["survey", "choices", "settings", "samraad_categories", "samraad_text_limits"];

    /// <summary>A form a person can answer is far below these; past them a sheet is refused, not read for minutes.</summary>
    const int MaxSurveyRows = 5000, MaxChoiceRows = 20_000, MaxOptionsPerList = 1000, MaxInlineOptions = 50_000;

    public const string AllowedTypes = "integer, decimal, text, date, select_one LISTE, select_multiple LISTE, begin_group, end_group, begin_repeat, end_repeat";

    /// <summary>Reads the sheet; <paramref name="key"/> (the collection's) wins over settings' form_id.</summary>
    public static XlsFormRead Read(byte[] content, string? key = null)
    {
        IReadOnlyDictionary<string, TabularFile> sheets;
        try { sheets = Tabular.ReadSheets(content, Sheets); }
        catch (FileRefused e) { return new XlsFormRead(null, [e.Message], []); }
        return new Reading(sheets, key).Run();
    }

    sealed class Reading(IReadOnlyDictionary<string, TabularFile> sheets, string? key)
    {
        readonly List<string> problems = [];
        readonly List<string> notes = [];
        readonly Dictionary<string, List<(OptionSpec Option, int Line)>> lists = new();
        readonly Dictionary<string, int> listLine = new();
        readonly HashSet<string> scaleLists = [], listsOfInline = [];
        readonly Dictionary<string, FieldSpec> asked = new();
        readonly List<(PartOfSpec Rule, int Line)> partOf = [];
        readonly FormSpec form = new();

        void Problem(string sheet, int line, string column, string message)
        {
            if (problems.Count < MaxProblems) problems.Add($"{sheet}, række {line}, kolonne {column}: {message}");
        }

        public XlsFormRead Run()
        {
            if (!sheets.TryGetValue("survey", out var survey))
                return new XlsFormRead(null, [$"Regnearket mangler arket »survey« (det har {string.Join(", ", sheets.Keys.Select(k => $"»{k}«"))}). Et XLSForm-skema har arkene survey, choices og settings; hent skabelonen for et eksempel."], []);
            if (!survey.Header.Contains("type") || !survey.Header.Contains("name"))
                return new XlsFormRead(null, ["survey, række 1: arket skal have kolonnerne type, name og label i første række."], []);
            if (survey.Rows.Count > MaxSurveyRows) return new XlsFormRead(null, [$"survey: arket har over {MaxSurveyRows:N0} rækker; del skemaet op."], []);
            if (sheets.TryGetValue("choices", out var choiceSheet) && choiceSheet.Rows.Count > MaxChoiceRows)
                return new XlsFormRead(null, [$"choices: arket har over {MaxChoiceRows:N0} rækker."], []);
            ReadSettings();
            form.Key = key ?? (form.Key != "" ? form.Key : "skema");
            if (form.Title == "") form.Title = form.Key;
            ReadChoices();
            ReadSurvey(survey);
            ReadCategories();
            ReadTextLimits();
            foreach (var (name, options) in lists)
            {
                if (name == MissingCodesList) form.MissingCodes = options.Select(o => o.Option).ToList();
                // A list is a named scale unless only inline-marked or yes/no questions use it; an unused list stays a scale.
                else if (scaleLists.Contains(name) || !listsOfInline.Contains(name) && !yesNoLists.Contains(name)) form.Scales[name] = options.Select(o => o.Option).ToList();
            }
            foreach (var (rule, line) in partOf)
                if (!asked.TryGetValue(rule.AtMost, out var total) || !FieldValues.IsNumeric(total.Type))
                    Problem("survey", line, "constraint", $"${{{rule.AtMost}}} er ikke et talspørgsmål i skemaet (uden for matrix og tabel).");
            form.PartOf = partOf.Select(p => p.Rule).ToList();
            if (form.Sections.Count == 0 && problems.Count == 0) problems.Add("survey: arket har ingen spørgsmål.");
            if (problems.Count > 0) return new XlsFormRead(null, problems, notes);
            try
            {
                // The model's own checks (conditions in a cycle, categories naming unknown answers …) with the pack's words.
                var checkedForm = FormSpecReader.Parse(FormSpecReader.Write(form));
                return new XlsFormRead(checkedForm, [], notes);
            }
            catch (InvalidDataException e) { return new XlsFormRead(null, [$"Skemaet: {e.Message}"], notes); }
        }

        readonly HashSet<string> yesNoLists = [];
        int inlineOptions;

        void ReadSettings()
        {
            if (!sheets.TryGetValue("settings", out var settings) || settings.Rows.FirstOrDefault(r => !r.IsEmpty) is not { } row) return;
            form.Title = Pick(row, "form_title");
            form.Key = XlsFormExpressions.Key(row["form_id"]);
            form.Description = Pick(row, "samraad_description") is { Length: > 0 } d ? d : null;
            if (row["version"] is { Length: > 0 } v)
                form.Version = int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
        }

        void ReadChoices()
        {
            if (!sheets.TryGetValue("choices", out var choices)) return;
            var listColumn = choices.Header.Contains("list_name") ? "list_name" : choices.Header.Contains("list name") ? "list name" : null;
            if (listColumn is null && choices.Rows.Any(r => !r.IsEmpty)) { Problem("choices", 1, "list_name", "arket skal have kolonnerne list_name, name og label."); return; }
            foreach (var row in choices.Rows.Where(r => !r.IsEmpty))
            {
                var list = row[listColumn!];
                var name = row["name"];
                var label = Pick(row, "label");
                if (list == "") { Problem("choices", row.Line, "list_name", "skriv hvilken liste svaret hører til."); continue; }
                if (name == "") { Problem("choices", row.Line, "name", "skriv svarets navn (den værdi, der gemmes)."); continue; }
                if (name.Contains(FieldValues.ChoiceSeparator) || name.Any(char.IsWhiteSpace)) { Problem("choices", row.Line, "name", $"»{name}« må ikke indeholde mellemrum eller »;«."); continue; }
                if (label == "") { Problem("choices", row.Line, "label", $"svaret »{name}« i listen »{list}« mangler en tekst."); continue; }
                var options = lists.TryGetValue(list, out var l) ? l : lists[list] = [];
                listLine.TryAdd(list, row.Line);
                if (options.Count == MaxOptionsPerList) { Problem("choices", row.Line, "list_name", $"listen »{list}« har over {MaxOptionsPerList:N0} svar."); continue; }
                if (options.Any(o => o.Option.Key == name)) { Problem("choices", row.Line, "name", $"»{name}« findes to gange i listen »{list}«."); continue; }
                options.Add((new OptionSpec
                {
                    Key = name, Label = label, Description = Pick(row, "samraad_description") is { Length: > 0 } d ? d : null,
                    CountsAsYes = Flag(row, "choices", "samraad_counts_as_yes"), Exclusive = Flag(row, "choices", "samraad_exclusive"),
                }, row.Line));
            }
        }

        /// <summary>The open group or repeat the rows go into.</summary>
        sealed class Open(string kind, int line, FieldSpec? container)
        {
            public string Kind => kind;
            public int Line => line;
            public FieldSpec? Container => container;
            public List<(TabularRow Row, FieldSpec Field)> Inner { get; } = [];
        }

        void ReadSurvey(TabularFile survey)
        {
            foreach (var column in Unsupported)
                if (survey.Rows.FirstOrDefault(r => r[column] != "") is { } used)
                    Problem("survey", used.Line, column, $"kolonnen {column} understøttes ikke af Samraad; slet dens indhold (Samraad kan ikke beregne eller forudfylde svar).");
            SectionSpec? section = null;
            var explicitSection = false;
            var sectionLine = 0;
            Open? open = null;
            foreach (var row in survey.Rows.Where(r => !r.IsEmpty))
            {
                // XLSForm also allows "begin group" and "select one grad": one word for the type, the list's name as written.
                var typeText = System.Text.RegularExpressions.Regex.Replace(string.Join(' ', row["type"].Split(' ', StringSplitOptions.RemoveEmptyEntries)),
                    "^(begin|end|select) (group|repeat|one|multiple)(?= |$)", "$1_$2", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
                var word = typeText.Split(' ')[0].ToLowerInvariant();
                if (word == "") { Problem("survey", row.Line, "type", "skriv spørgsmålets type; tilladt: " + AllowedTypes); continue; }
                if (Metadata.Contains(word)) { notes.Add($"survey, række {row.Line}: »{word}« er metadata fra en mobilenhed og er sprunget over (Samraad registrerer selv hvem og hvornår)."); continue; }
                if (row["repeat_count"] != "" && word != "begin_repeat") Problem("survey", row.Line, "repeat_count", "repeat_count bruges kun på en begin_repeat-række.");
                switch (word)
                {
                    case "begin_group":
                        if (open is not null) { Problem("survey", row.Line, "type", $"en gruppe kan ikke ligge inde i {Describe(open)} (række {open.Line})."); continue; }
                        if (row["appearance"].Split(' ').Contains("table-list", StringComparer.OrdinalIgnoreCase))
                        {
                            var matrix = Container(row, FieldType.Matrix);
                            if (matrix is null) continue;
                            open = new Open("matrix", row.Line, matrix);
                            (section ??= Implicit()).Fields.Add(matrix);
                        }
                        else if (explicitSection) Problem("survey", row.Line, "type", $"grupper i grupper understøttes ikke (gruppen »{section!.Key}« er ikke afsluttet med end_group); kun en gruppe med appearance table-list (en matrix) kan ligge i et afsnit.");
                        else
                        {
                            var key = Name(row);
                            if (key is null) continue;
                            if (form.Sections.Any(s => s.Key == key)) Problem("survey", row.Line, "name", $"afsnittet »{key}« findes to gange.");
                            section = new SectionSpec { Key = key, Title = Pick(row, "label") is { Length: > 0 } t ? t : key, Description = Nullable(Pick(row, "hint")) };
                            section.AskedIf = Relevant(row, null);
                            form.Sections.Add(section);
                            explicitSection = true;
                            sectionLine = row.Line;
                        }
                        continue;
                    case "end_group":
                        if (open is { Kind: "matrix" }) { CloseMatrix(open); open = null; }
                        else if (open is not null) Problem("survey", row.Line, "type", $"end_group afslutter {Describe(open)} fra række {open.Line}; brug end_repeat.");
                        else if (explicitSection) { explicitSection = false; section = null; }
                        else Problem("survey", row.Line, "type", "end_group uden en begin_group før.");
                        continue;
                    case "begin_repeat":
                        if (open is not null) { Problem("survey", row.Line, "type", $"en tabel kan ikke ligge inde i {Describe(open)} (række {open.Line})."); continue; }
                        var table = Container(row, FieldType.Table);
                        if (table is null) continue;
                        open = new Open("table", row.Line, table);
                        (section ??= Implicit()).Fields.Add(table);
                        continue;
                    case "end_repeat":
                        if (open is { Kind: "table" })
                        {
                            if (open.Inner.Count == 0) Problem("survey", row.Line, "type", $"tabellen »{open.Container!.Key}« (række {open.Line}) har ingen kolonner.");
                            open.Container!.TableColumns = open.Inner.Select(i => i.Field).ToList();
                            open = null;
                        }
                        else Problem("survey", row.Line, "type", open is null ? "end_repeat uden en begin_repeat før." : $"end_repeat afslutter ikke {Describe(open)} fra række {open.Line}; brug end_group.");
                        continue;
                }
                // ODK's older Likert pattern: a first row with appearance "label" only shows the answer headings.
                if (open is { Kind: "matrix" } && row["appearance"].Split(' ').Contains("label", StringComparer.OrdinalIgnoreCase))
                {
                    notes.Add($"survey, række {row.Line}: overskriftsrækken (appearance label) i matrixen »{open.Container!.Key}« er sprunget over; Samraad viser selv svarene som kolonneoverskrifter.");
                    continue;
                }
                var field = Question(row, typeText, word, inContainer: open is not null);
                if (field is null) continue;
                if (open is not null)
                {
                    if (open.Inner.Any(i => i.Field.Key == field.Key)) { Problem("survey", row.Line, "name", $"»{field.Key}« findes to gange i {Describe(open)}."); continue; }
                    open.Inner.Add((row, field));
                    continue;
                }
                if (asked.ContainsKey(field.Key)) { Problem("survey", row.Line, "name", $"»{field.Key}« findes to gange; hvert spørgsmål skal have sit eget navn."); continue; }
                (section ??= Implicit()).Fields.Add(field);
                asked[field.Key] = field;
            }
            if (open is not null) Problem("survey", open.Line, "type", $"{Describe(open)} afsluttes aldrig med {(open.Kind == "table" ? "end_repeat" : "end_group")}.");
            if (explicitSection) Problem("survey", sectionLine, "type", $"afsnittet »{section!.Key}« afsluttes aldrig med end_group.");
        }

        static string Describe(Open open) => open.Kind == "table" ? $"tabellen »{open.Container!.Key}«" : $"matrixen »{open.Container!.Key}«";

        /// <summary>Questions outside any group go into a section of their own, titled as the form.</summary>
        SectionSpec Implicit()
        {
            var section = new SectionSpec { Key = $"afsnit-{form.Sections.Count + 1}", Title = form.Title is { Length: > 0 } t ? t : "Spørgsmål" };
            form.Sections.Add(section);
            return section;
        }

        /// <summary>A matrix (begin_group, appearance table-list) or a table (begin_repeat): its own columns; its cells come from the rows inside.</summary>
        FieldSpec? Container(TabularRow row, FieldType type)
        {
            var key = Name(row);
            if (key is null) return null;
            if (asked.ContainsKey(key)) { Problem("survey", row.Line, "name", $"»{key}« findes to gange; hvert spørgsmål skal have sit eget navn."); return null; }
            var field = new FieldSpec
            {
                Key = key, Type = type, Label = Label(row, key), Hint = Nullable(Pick(row, "hint")), ShortLabel = Nullable(Pick(row, "samraad_short_label")),
                Personal = Flag(row, "survey", "samraad_personal"), MissingCodes = Missing(row), Required = Required(row),
            };
            field.AskedIf = Relevant(row, key);
            if (type == FieldType.Table)
            {
                var count = row["repeat_count"];
                if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var max) || max is < 1 or > 1000)
                    Problem("survey", row.Line, "repeat_count", count == "" ? "skriv hvor mange rækker tabellen højst har (1–1000)." : $"»{count}« er ikke et antal rækker mellem 1 og 1000 (Samraad kan ikke bruge et udtryk her).");
                else field.MaxRows = max;
                field.MaxRowsMessage = Nullable(Pick(row, "samraad_max_rows_message"));
            }
            else
            {
                var columns = row["samraad_columns"];
                if (columns == "") field.Columns = [new OptionSpec { Key = XlsFormWriter.OnlyColumn, Label = XlsFormWriter.OnlyColumnLabel }];
                else
                {
                    var errors = new List<FieldError>();
                    field.Columns = Authoring.QuestionInput.ParseOptions(columns, "samraad_columns", "samraad_columns", errors);
                    foreach (var e in errors) Problem("survey", row.Line, "samraad_columns", e.Message);
                }
            }
            asked[key] = field;
            return field;
        }

        /// <summary>A matrix's rows are the questions inside its group: they share one cell type (the columns' answers).</summary>
        void CloseMatrix(Open open)
        {
            var matrix = open.Container!;
            if (open.Inner.Count == 0) { Problem("survey", open.Line, "type", $"matrixen »{matrix.Key}« har ingen rækker (spørgsmål mellem begin_group og end_group)."); return; }
            var (firstRow, first) = open.Inner[0];
            static string Answers(ValueSpec v) => string.Join("\n", (v.Options ?? []).Select(o => $"{o.Key}={o.Label}"));
            foreach (var (row, cell) in open.Inner.Skip(1))
                if (cell.Type != first.Type || cell.Scale != first.Scale || XlsFormExpressions.WriteConstraint(cell, null) != XlsFormExpressions.WriteConstraint(first, null)
                    || cell.Unit != first.Unit || cell.Required != first.Required || (cell.Options is null) != (first.Options is null) || Answers(cell) != Answers(first))
                    Problem("survey", row.Line, "type", $"rækkerne i matrixen »{matrix.Key}« skal have samme type, svarliste, begrænsning og required som den første (række {firstRow.Line}).");
            // What belongs to the whole matrix is written on its begin_group row; on a row it would be lost, so it is refused.
            foreach (var (row, _) in open.Inner)
                foreach (var column in new[] { "samraad_missing", "samraad_personal", "samraad_short_label" })
                    if (row[column] != "") Problem("survey", row.Line, column, $"{column} gælder hele matrixen »{matrix.Key}«: skriv den på gruppens begin_group-række (række {open.Line}).");
            if (first.Type is FieldType.MultiChoice or FieldType.Matrix or FieldType.Table)
                Problem("survey", firstRow.Line, "type", $"matrixen »{matrix.Key}« kan ikke indeholde flervalg (select_multiple).");
            matrix.Rows = open.Inner.Select(i => new OptionSpec { Key = i.Field.Key, Label = i.Field.Label, Description = i.Field.Hint }).ToList();
            matrix.Required = matrix.Required || first.Required;
            matrix.Cell = new ValueSpec
            {
                Type = first.Type, Scale = first.Scale, Options = first.Options, Min = first.Min, Max = first.Max, MaxLength = first.MaxLength,
                Unit = first.Unit, NotInPast = first.NotInPast,
            };
        }

        FieldSpec? Question(TabularRow row, string typeText, string word, bool inContainer)
        {
            var parts = typeText.Split(' ');
            var samraadType = row["samraad_type"].ToLowerInvariant();
            FieldType type;
            string? list = null;
            switch (word)
            {
                case "integer": type = FieldType.Integer; break;
                case "decimal": type = FieldType.Decimal; break;
                case "text": type = FieldType.Text; break;
                case "date": type = FieldType.Date; break;
                case "select_one" or "select_multiple":
                    if (parts.Length != 2)
                    {
                        Problem("survey", row.Line, "type", parts.Length < 2 ? $"skriv hvilken liste fra arket choices svarene kommer fra, fx »{word} grad«."
                            : $"»{typeText}« understøttes ikke{(parts.Contains("or_other") ? " (or_other er ikke med i Samraads udvalg; tilføj et svar »Andet« og et tekstspørgsmål)" : "")}; skriv »{word} LISTE«.");
                        return null;
                    }
                    list = parts[1];
                    if (!lists.ContainsKey(list)) { Problem("survey", row.Line, "type", $"listen »{list}« findes ikke på arket choices."); return null; }
                    type = word == "select_one" ? FieldType.Choice : FieldType.MultiChoice;
                    break;
                case "note":
                    Problem("survey", row.Line, "type", "type »note« (en tekst uden svar) understøttes ikke; skriv teksten som hint til spørgsmålet eller gruppen.");
                    return null;
                default:
                    Problem("survey", row.Line, "type", $"ukendt type »{typeText}«; tilladt: {AllowedTypes}.");
                    return null;
            }
            switch (samraadType)
            {
                case "": break;
                case "amount" or "percent" when type is FieldType.Integer or FieldType.Decimal:
                    type = samraadType == "amount" ? FieldType.Amount : FieldType.Percent;
                    break;
                case "yesno" when type == FieldType.Choice:
                    type = FieldType.YesNo;
                    yesNoLists.Add(list!);
                    break;
                default:
                    Problem("survey", row.Line, "samraad_type", $"»{samraadType}« passer ikke til typen »{typeText}« (amount og percent til integer/decimal, yesno til select_one).");
                    return null;
            }
            var key = Name(row);
            if (key is null) return null;
            var field = new FieldSpec
            {
                Key = key, Type = type, Label = Label(row, key), Hint = Nullable(Pick(row, "hint")), Required = Required(row),
                ShortLabel = Nullable(Pick(row, "samraad_short_label")), Personal = Flag(row, "survey", "samraad_personal"),
                MissingCodes = Missing(row), Unit = Nullable(row["samraad_unit"]),
            };
            if (list is not null && type != FieldType.YesNo)
            {
                var options = lists[list].Select(o => o.Option).ToList();
                if (row["samraad_options"].Equals("inline", StringComparison.OrdinalIgnoreCase))
                {
                    if ((inlineOptions += options.Count) > MaxInlineOptions) { Problem("survey", row.Line, "samraad_options", $"skemaet har over {MaxInlineOptions:N0} egne svarmuligheder i alt; brug en fælles skala (uden inline)."); return null; }
                    field.Options = options;
                    listsOfInline.Add(list);
                }
                else { field.Scale = list; scaleLists.Add(list); }
                field.ResolvedOptions = options;
            }
            else if (row["samraad_options"] != "") Problem("survey", row.Line, "samraad_options", "samraad_options bruges kun på select_one og select_multiple.");
            if (row["constraint"] is { Length: > 0 } constraint)
            {
                try
                {
                    var limits = XlsFormExpressions.ParseConstraint(constraint, type);
                    var numeric = FieldValues.IsNumeric(type);
                    string? Misfit() =>
                        (limits.Min ?? limits.Max) is not null && !numeric ? "en talgrænse (. >= N) passer kun til tal"
                        : limits.MaxLength is not null && type != FieldType.Text ? "string-length(.) passer kun til text"
                        : (limits.MinChoices ?? limits.MaxChoices) is not null && type != FieldType.MultiChoice ? "count-selected(.) passer kun til select_multiple"
                        : limits.NotInPast && type != FieldType.Date ? ". >= today() passer kun til date"
                        : limits.AtMost.Count > 0 && (!numeric || inContainer) ? ". <= ${andet} passer kun til et talspørgsmål uden for matrix og tabel"
                        : null;
                    if (Misfit() is { } misfit) Problem("survey", row.Line, "constraint", $"»{constraint}«: {misfit}.");
                    (field.Min, field.Max, field.MaxLength, field.MinChoices, field.MaxChoices, field.NotInPast) =
                        (limits.Min, limits.Max, limits.MaxLength, limits.MinChoices, limits.MaxChoices, limits.NotInPast);
                    // The whole may come after its part ("Heraf i Sjælland" before "I alt"): checked when every question is read.
                    foreach (var other in limits.AtMost) partOf.Add((new PartOfSpec { Field = key, AtMost = other }, row.Line));
                }
                catch (XlsFormExpressions.Refused e) { Problem("survey", row.Line, "constraint", $"»{constraint}«: {e.Message}"); }
            }
            if (!inContainer) field.AskedIf = Relevant(row, key);
            else if (row["relevant"] != "") Problem("survey", row.Line, "relevant", "en række i en matrix eller en kolonne i en tabel kan ikke have sin egen betingelse; sæt den på gruppen.");
            return field;
        }

        ConditionSpec? Relevant(TabularRow row, string? owner)
        {
            if (row["relevant"] is not { Length: > 0 } text) return null;
            try { return XlsFormExpressions.ParseRelevant(text, k => k != owner && asked.TryGetValue(k, out var f) && f.Type is not (FieldType.Matrix or FieldType.Table) ? f : null); }
            catch (XlsFormExpressions.Refused e) { Problem("survey", row.Line, "relevant", $"»{text}«: {e.Message}"); return null; }
        }

        void ReadCategories()
        {
            if (!sheets.TryGetValue("samraad_categories", out var sheet)) return;
            foreach (var row in sheet.Rows.Where(r => !r.IsEmpty))
            {
                var list = row["list_name"];
                if (!lists.TryGetValue(list, out var options)) { Problem("samraad_categories", row.Line, "list_name", $"listen »{list}« findes ikke på arket choices."); continue; }
                var category = new CategorySpec { Key = row["name"], Label = Pick(row, "label"), Options = row["options"].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList() };
                if (category.Key == "" || category.Label == "") { Problem("samraad_categories", row.Line, category.Key == "" ? "name" : "label", "en kategori skal have name og label."); continue; }
                if (category.Options.FirstOrDefault(o => options.All(x => x.Option.Key != o)) is { } unknown)
                    Problem("samraad_categories", row.Line, "options", $"»{unknown}« er ikke et svar i listen »{list}«.");
                scaleLists.Add(list);
                (form.Categories.TryGetValue(list, out var c) ? c : form.Categories[list] = []).Add(category);
            }
        }

        void ReadTextLimits()
        {
            if (!sheets.TryGetValue("samraad_text_limits", out var sheet)) return;
            foreach (var row in sheet.Rows.Where(r => !r.IsEmpty))
            {
                if (!int.TryParse(row["max"], NumberStyles.None, CultureInfo.InvariantCulture, out var max) || max < 1)
                { Problem("samraad_text_limits", row.Line, "max", $"»{row["max"]}« er ikke et antal tegn."); continue; }
                var fields = row["fields"].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(XlsFormExpressions.Key).ToList();
                if (fields.FirstOrDefault(f => !asked.TryGetValue(f, out var q) || q.Type != FieldType.Text) is { } bad)
                { Problem("samraad_text_limits", row.Line, "fields", $"»{bad}« er ikke et tekstspørgsmål på arket survey."); continue; }
                form.TextLimits.Add(new TextLimitSpec { Label = Pick(row, "label"), Max = max, Fields = fields });
            }
        }

        string? Name(TabularRow row)
        {
            var key = XlsFormExpressions.Key(row["name"]);
            if (key == "") { Problem("survey", row.Line, "name", "skriv et navn (fx antal_pladser); det bliver spørgsmålets nøgle i eksporter."); return null; }
            if (!FieldKeys.IsValidKey(key) || key == "ny")
            {
                Problem("survey", row.Line, "name", key == "ny" ? "»ny« er reserveret; vælg et andet navn." : $"»{row["name"]}« er ikke et gyldigt navn: brug bogstaver a–z, tal, _, - og punktum, og begynd med et bogstav eller tal.");
                return null;
            }
            return key;
        }

        string Label(TabularRow row, string key)
        {
            var label = Pick(row, "label");
            if (label == "") Problem("survey", row.Line, "label", $"»{key}« mangler en tekst (label).");
            return label;
        }

        bool Required(TabularRow row) => row["required"].ToLowerInvariant() switch
        {
            "" or "no" or "false" or "false()" or "0" or "nej" => false,
            "yes" or "true" or "true()" or "1" or "ja" => true,
            var other => Fail(row, "required", $"»{other}« er hverken yes eller no."),
        };

        bool Flag(TabularRow row, string sheet, string column) => row[column].ToLowerInvariant() switch
        {
            "" or "no" or "false" or "0" or "nej" => false,
            "yes" or "true" or "1" or "ja" => true,
            var other => Fail(row, column, $"»{other}« er hverken yes eller no.", sheet),
        };

        bool Fail(TabularRow row, string column, string message, string sheet = "survey")
        {
            Problem(sheet, row.Line, column, message);
            return false;
        }

        List<string> Missing(TabularRow row)
        {
            var codes = row["samraad_missing"].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            var known = lists.GetValueOrDefault(MissingCodesList) ?? [];
            foreach (var code in codes.Where(c => known.All(k => k.Option.Key != c)))
                Problem("survey", row.Line, "samraad_missing", $"»{code}« er ikke en manglende-kode i listen {MissingCodesList} på arket choices.");
            return codes;
        }

        static string? Nullable(string s) => s == "" ? null : s;
    }

    /// <summary>
    /// A text column in the Danish version when the sheet has several languages (<c>label::Dansk (da)</c>), else the plain
    /// one, else the first language there is.
    /// </summary>
    static string Pick(TabularRow row, string column)
    {
        if (row[column] is { Length: > 0 } plain && !row.Cells.Keys.Any(k => IsDanish(k, column))) return plain;
        foreach (var (key, value) in row.Cells)
            if (IsDanish(key, column) && value != "") return value;
        if (row[column] is { Length: > 0 } fallback) return fallback;
        return row.Cells.FirstOrDefault(c => c.Key.StartsWith(column + "::", StringComparison.Ordinal) && c.Value != "").Value ?? "";
    }

    static bool IsDanish(string header, string column) =>
        header.StartsWith(column + "::", StringComparison.Ordinal) && (header.EndsWith("(da)", StringComparison.Ordinal) || header == column + "::da" || header.Contains("dansk", StringComparison.Ordinal) || header.Contains("danish", StringComparison.Ordinal));
}
