using Samraad.Features.Collections.Forms;

namespace Samraad.Tests;

/// <summary>Small form builders for tests, and the repository's real packs.</summary>
public static class TestForms
{
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Samraad.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Samraad.slnx not found above the test binaries");
        }
    }

    public static string PackDir(string slug) => Path.Combine(RepoRoot, "packs", slug);

    public static FormSpec Akut() => FormSpecReader.Parse(File.ReadAllText(Path.Combine(PackDir("akutfunktioner-2024"), "form.json")));

    /// <summary>A form with one field of every type, as the engine must support them.</summary>
    public const string AllTypesJson = """
    {
      "key": "alle-typer", "version": 1, "title": "Alle felttyper",
      "scales": { "grad": [ {"key":"hoej","label":"I høj grad"}, {"key":"nogen","label":"I nogen grad"}, {"key":"slet","label":"Slet ikke"} ] },
      "missingCodes": [ {"key":"ved-ikke","label":"Ved ikke"}, {"key":"data-mangler","label":"Data foreligger endnu ikke"} ],
      "sections": [ { "key": "a", "title": "Afsnit A", "fields": [
        {"key":"ja-nej","label":"Udføres opgaven?","type":"yesNo","required":true},
        {"key":"antal","label":"Antal pladser","type":"integer","min":0,"max":10000,"missingCodes":["ved-ikke","data-mangler"]},
        {"key":"andel","label":"Andel","type":"decimal"},
        {"key":"beloeb","label":"Beløb","type":"amount"},
        {"key":"pct","label":"Andel til andre kommuner","type":"percent"},
        {"key":"dato","label":"Forventet færdig","type":"date"},
        {"key":"grad","label":"Tilfredshed","type":"choice","scale":"grad","required":true},
        {"key":"tekst","label":"Beskrivelse","type":"text","maxLength":20},
        {"key":"aar","label":"Nøgletal","type":"matrix","rows":[{"key":"deltagere","label":"Deltagere"},{"key":"aktiviteter","label":"Aktiviteter"}],
          "columns":[{"key":"y2021","label":"2021"},{"key":"y2022","label":"2022"}],"cell":{"type":"integer","min":0}},
        {"key":"projekter","label":"Projekter","type":"table","maxRows":2,"maxRowsMessage":"Der kan højst angives 2 projekter pr. ansøgning",
          "tableColumns":[{"key":"navn","label":"Projektnavn","type":"text","maxLength":100},{"key":"beloeb","label":"Beløb 2025","type":"amount"}]}
      ]}]
    }
    """;

    public static FormSpec AllTypes() => FormSpecReader.Parse(AllTypesJson);
}
