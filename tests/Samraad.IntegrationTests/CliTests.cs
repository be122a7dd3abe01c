using System.Text.Json;

namespace Samraad.IntegrationTests;

/// <summary>The same executable's verbs, on a fresh data directory (created, migrated and seeded as the server would).</summary>
[Collection("Console")] // the verbs write to the process's console
public class CliTests
{
    [Fact]
    public async Task Summary_and_export_work_on_a_fresh_data_directory()
    {
        var dir = Directory.CreateTempSubdirectory("samraad-cli-").FullName;
        try
        {
            var summaryFile = Path.Combine(dir, "summary.json");
            Assert.Equal(0, await Program.Main(["summary", "akutfunktioner-2024", "--format", "json", "--data-dir", dir, "--out", summaryFile]));
            var summary = JsonDocument.Parse(File.ReadAllText(summaryFile)).RootElement;
            var kemo = summary.GetProperty("tables")[0].GetProperty("rows")[1].GetProperty("cells")[0];
            Assert.Equal(14, kemo.GetProperty("count").GetInt32());
            Assert.Equal(11, summary.GetProperty("differences").GetArrayLength());

            foreach (var format in new[] { "csv", "xlsx", "json" })
            {
                var file = Path.Combine(dir, $"export.{format}");
                Assert.Equal(0, await Program.Main(["export", "akutfunktioner-2024", "--format", format, "--data-dir", dir, "--out", file]));
                Assert.True(new FileInfo(file).Length > 1000, format);
            }
            Assert.Equal(1, await Program.Main(["export", "akutfunktioner-2024", "--format", "pdf", "--data-dir", dir]));
            Assert.Equal(1, await Program.Main(["summary", "findes-ikke", "--data-dir", dir]));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public async Task A_form_exported_as_a_spreadsheet_creates_next_years_collection()
    {
        var dir = Directory.CreateTempSubdirectory("samraad-cli-").FullName;
        try
        {
            var sheet = Path.Combine(dir, "akut.xlsx");
            Assert.Equal(0, await Program.Main(["collections", "export-form", "akutfunktioner-2024", "--out", sheet, "--data-dir", dir]));
            Assert.True(Samraad.Features.Collections.Forms.XlsFormReader.Read(File.ReadAllBytes(sheet)).Ok);
            Assert.Equal(1, await Program.Main(["collections", "create", "--from-xlsform", sheet, "--slug", "akut-2025", "--data-dir", dir])); // no window, no owner
            Assert.Equal(0, await Program.Main(["collections", "create", "--from-xlsform", sheet, "--slug", "akut-2025", "--title", "Akutfunktioner 2025",
                "--opens", "03-02-2025 08.00", "--deadline", "03-03-2025 23.59", "--owner", "kkr-sjaelland", "--data-dir", dir]));
            var json = Path.Combine(dir, "akut-2025.json");
            Assert.Equal(0, await Program.Main(["collections", "export-form", "akut-2025", "--format", "json", "--out", json, "--data-dir", dir]));
            var copy = Samraad.Features.Collections.Forms.FormSpecReader.Parse(File.ReadAllText(json));
            var original = Samraad.Features.Collections.Forms.FormSpecReader.Parse(File.ReadAllText(Path.Combine(TestApp.RepoRoot, "packs", "akutfunktioner-2024", "form.json")));
            (original.Key, original.Version) = ("akut-2025", 1);
            Assert.Equal(Samraad.Features.Collections.Forms.FormSpecReader.Write(original), Samraad.Features.Collections.Forms.FormSpecReader.Write(copy));
            Assert.Equal(2, await Program.Main(["collections", "fly", "--data-dir", dir]));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public async Task Users_init_writes_strong_passwords_once_to_a_file_only_the_owner_can_read()
    {
        var dir = Directory.CreateTempSubdirectory("samraad-cli-").FullName;
        try
        {
            Assert.Equal(0, await Program.Main(["users", "init", "--data-dir", dir]));
            var file = Path.Combine(dir, "initial-passwords.txt");
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            var lines = File.ReadAllLines(file).Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
            Assert.Equal(1 + 1 + 5 + 3 + 98 + 6, lines.Count); // admin, reader, a secretariat per KKR, a caseworker per agency, a respondent per municipality and per partner
            Assert.Contains(lines, l => l[0] == "faxe" && l[2] == Roles.Label(Roles.Respondent) && l[3] == "Faxe Kommune");
            Assert.All(lines, l => Assert.True(l[1].Length >= 20 && l[1].Any(char.IsUpper) && l[1].Any(char.IsLower) && l[1].Any(char.IsDigit)));
            Assert.Equal(lines.Count, lines.Select(l => l[1]).Distinct().Count());
            Assert.DoesNotContain(lines, l => l[0].StartsWith("ansog"));

            var before = File.ReadAllText(file);
            Assert.Equal(0, await Program.Main(["users", "init", "--data-dir", dir]));
            Assert.Equal(before, File.ReadAllText(file)); // never rewritten
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact, Trait("Speed", "Slow")]
    public async Task Bench_generates_national_data_and_its_sql_baseline_agrees_with_the_summary()
    {
        var dir = Directory.CreateTempSubdirectory("samraad-bench-").FullName;
        try
        {
            // The verb throws if the hand-written SQL counts differ from the summary's.
            Assert.Equal(0, await Program.Main(["bench", "--runs", "1", "--data-dir", dir]));
            var summaryFile = Path.Combine(dir, "summary.json");
            Assert.Equal(0, await Program.Main(["summary", "bench-landsdaekkende", "--data-dir", dir, "--out", summaryFile]));
            var summary = JsonDocument.Parse(File.ReadAllText(summaryFile)).RootElement;
            Assert.Equal((98, 98), (summary.GetProperty("respondents").GetInt32(), summary.GetProperty("submitted").GetInt32()));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public async Task Pivot_and_surveys_verbs_write_the_seeds_pivot_as_json_and_refuse_an_unknown_split()
    {
        var dir = Directory.CreateTempSubdirectory("samraad-cli-").FullName;
        try
        {
            var file = Path.Combine(dir, "pivot.json");
            Assert.Equal(0, await Program.Main(["pivot", "klyngedeltagersurvey", "--rows", "region", "--question", "kendskab", "--format", "json", "--data-dir", dir, "--out", file]));
            var cells = JsonDocument.Parse(File.ReadAllText(file)).RootElement[0].GetProperty("cells").EnumerateArray().ToList();
            var cell = cells.Single(c => c.GetProperty("row").GetString() == "I høj grad" && c.GetProperty("column").GetString() == "Region Sjælland");
            Assert.Equal((8, 16m), (cell.GetProperty("count").GetInt32(), cell.GetProperty("percent").GetDecimal()));
            var all = Path.Combine(dir, "all.json");
            Assert.Equal(0, await Program.Main(["pivot", "mobilitetssurvey-2023", "--rows", "kl-survey-grupper", "--format", "json", "--data-dir", dir, "--out", all]));
            Assert.Equal(2, JsonDocument.Parse(File.ReadAllText(all)).RootElement.GetArrayLength()); // every question
            Assert.NotEqual(0, await Program.Main(["pivot", "klyngedeltagersurvey", "--rows", "planet", "--format", "json", "--data-dir", dir]));
            var list = Path.Combine(dir, "surveys.json");
            Assert.Equal(0, await Program.Main(["surveys", "--format", "json", "--data-dir", dir, "--out", list]));
            Assert.Equal(2, JsonDocument.Parse(File.ReadAllText(list)).RootElement.GetArrayLength());
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public async Task Meeting_verbs_list_meetings_and_write_the_packet_and_the_minutes()
    {
        var dir = Directory.CreateTempSubdirectory("samraad-cli-").FullName;
        try
        {
            var list = Path.Combine(dir, "meetings.json");
            Assert.Equal(0, await Program.Main(["meetings", "--format", "json", "--data-dir", dir, "--out", list]));
            var meeting = JsonDocument.Parse(File.ReadAllText(list)).RootElement.EnumerateArray().Single();
            Assert.Equal(("kkr-sjaelland-2024-04-12", "Draft"), (meeting.GetProperty("slug").GetString(), meeting.GetProperty("status").GetString()));
            Assert.Contains("Møde i KKR Sjælland", File.ReadAllText(list)); // Danish letters as they are

            var packet = Path.Combine(dir, "packet.pdf");
            Assert.Equal(0, await Program.Main(["packet", "kkr-sjaelland-2024-04-12", "--data-dir", dir, "--out", packet]));
            using (var pdf = UglyToad.PdfPig.PdfDocument.Open(packet))
            {
                Assert.True(pdf.NumberOfPages > 100);
                Assert.Contains("Udkast", pdf.GetPage(1).Text); // not published yet: a draft with current data
            }
            var minutes = Path.Combine(dir, "minutes.pdf");
            Assert.Equal(0, await Program.Main(["minutes", "kkr-sjaelland-2024-04-12", "--data-dir", dir, "--out", minutes]));
            using (var pdf = UglyToad.PdfPig.PdfDocument.Open(minutes))
                Assert.Contains("Beslutningsprotokol", pdf.GetPage(1).Text);
            Assert.Equal(1, await Program.Main(["packet", "findes-ikke", "--data-dir", dir, "--out", packet]));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public async Task Pool_verbs_list_pools_and_write_the_allocation()
    {
        var dir = Directory.CreateTempSubdirectory("samraad-cli-").FullName;
        try
        {
            var pools = Path.Combine(dir, "pools.json");
            Assert.Equal(0, await Program.Main(["pools", "--format", "json", "--data-dir", dir, "--out", pools]));
            Assert.Equal("laanepulje-botilbud-2025-26", JsonDocument.Parse(File.ReadAllText(pools)).RootElement[0].GetProperty("slug").GetString());
            var file = Path.Combine(dir, "allocation.json");
            Assert.Equal(0, await Program.Main(["allocate", "laanepulje-botilbud-2025-26", "--format", "json", "--data-dir", dir, "--out", file]));
            var allocation = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
            var rows = allocation.GetProperty("rows").EnumerateArray().ToList();
            Assert.True(rows.Sum(r => r.GetProperty("granted2026").GetInt64()) <= allocation.GetProperty("budgets").GetProperty("2026").GetInt64());
            Assert.All(rows, r => Assert.Equal(6, r.GetProperty("eligibility").GetArrayLength()));
            Assert.All(rows.Where(r => r.GetProperty("outcome").GetString() != "Ineligible"), r => Assert.True(r.GetProperty("rank").GetInt32() > 0));
            Assert.Equal(1, await Program.Main(["allocate", "findes-ikke", "--data-dir", dir, "--out", file]));
        }
        finally { Directory.Delete(dir, true); }
    }
}
