using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Documents;

namespace Samraad.Features.Reference;

/// <summary>
/// Loads the municipalities (kommuner.csv format) with their regions, KKRs and group sets.
/// All-or-nothing: every line is checked first, and nothing is written if one is wrong.
/// </summary>
public sealed class ImportMunicipalities(AppDbContext db)
{
    public static readonly string[] Columns =
        ["kommunekode", "kommune", "regionskode", "region", "kkr", "dst_kommunegruppe_v1_2018", "kl_survey_gruppe"];

    public sealed record Row(int Code, string Name, int RegionCode, string Region, string Kkr, string DstGroup, string KlGroup);

    public sealed record Result(int Municipalities, IReadOnlyList<string> Errors)
    {
        public bool Ok => Errors.Count == 0;
    }

    /// <summary>Parses and checks the file; returns the rows or one Danish message per bad line.</summary>
    public static (List<Row> Rows, List<string> Errors) Parse(string csvText)
    {
        var errors = new List<string>();
        var rows = new List<Row>();
        List<Dictionary<string, string>> records;
        List<string> header;
        try { records = Csv.Read(csvText, out header); }
        catch (Exception e) when (e is CsvHelper.CsvHelperException or FormatException)
        {
            return (rows, [$"Filen kan ikke læses som CSV: {e.Message}"]);
        }
        var missing = Columns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0) return (rows, [$"Kolonnerne mangler: {string.Join(", ", missing)}"]);
        var line = 1;
        foreach (var r in records)
        {
            line++;
            var lineErrors = new List<string>();
            if (!int.TryParse(r["kommunekode"], out var code) || code < 101 || code > 999)
                lineErrors.Add($"kommunekode »{r["kommunekode"]}« skal være et tal fra 101 til 999");
            if (!int.TryParse(r["regionskode"], out var regionCode) || regionCode < 1081 || regionCode > 1085)
                lineErrors.Add($"regionskode »{r["regionskode"]}« skal være 1081–1085");
            foreach (var column in Columns.Where(c => c is not ("kommunekode" or "regionskode")))
                if (string.IsNullOrWhiteSpace(r[column])) lineErrors.Add($"{column} er tom");
            if (lineErrors.Count > 0) { errors.Add($"Linje {line}: {string.Join("; ", lineErrors)}"); continue; }
            rows.Add(new Row(code, r["kommune"], regionCode, r["region"], r["kkr"], r["dst_kommunegruppe_v1_2018"], r["kl_survey_gruppe"]));
        }
        foreach (var dup in rows.GroupBy(r => r.Code).Where(g => g.Count() > 1))
            errors.Add($"Kommunekode {dup.Key} står flere gange");
        if (rows.Count == 0 && errors.Count == 0) errors.Add("Filen indeholder ingen kommuner");
        return (rows, errors);
    }

    public async Task<Result> Handle(string csvText, string source, CancellationToken ct = default)
    {
        var (rows, errors) = Parse(csvText);
        if (errors.Count > 0) return new Result(0, errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var orgs = await db.Organisations.ToDictionaryAsync(o => o.Slug, ct);
        Organisation Upsert(string slug, Action<Organisation> set)
        {
            if (!orgs.TryGetValue(slug, out var org))
            {
                org = new Organisation { Slug = slug };
                db.Organisations.Add(org);
                orgs[slug] = org;
            }
            set(org);
            return org;
        }

        foreach (var region in rows.GroupBy(r => (r.RegionCode, r.Region)))
            Upsert(Slug.From(region.Key.Region), o => { o.Name = region.Key.Region; o.Kind = OrganisationKind.Region; o.RegionCode = region.Key.RegionCode; o.Source = source; });
        var kkrs = rows.GroupBy(r => r.Kkr).ToDictionary(g => g.Key, g =>
            Upsert(Slug.From(g.Key), o => { o.Name = g.Key; o.Kind = OrganisationKind.Kkr; o.RegionCode = g.First().RegionCode; o.Source = source; }));
        await db.SaveChangesAsync(ct);

        var municipalities = rows.Select(r => (Row: r, Org: Upsert(Slug.From(r.Name), o =>
        {
            o.Name = r.Name; o.Kind = OrganisationKind.Kommune; o.MunicipalityCode = r.Code;
            o.RegionCode = r.RegionCode; o.KkrId = kkrs[r.Kkr].Id; o.Source = source;
        }))).ToList();
        await db.SaveChangesAsync(ct);

        await ReplaceGroupSet(GroupSets.Region, "Regioner", source, 1, municipalities.Select(m => (m.Org, m.Row.Region)), ct);
        await ReplaceGroupSet(GroupSets.Kkr, "KKR", source, 2, municipalities.Select(m => (m.Org, m.Row.Kkr)), ct);
        await ReplaceGroupSet(GroupSets.DstKommunegrupper, "Danmarks Statistiks kommunegrupper (2018)", source, 3,
            municipalities.Select(m => (m.Org, m.Row.DstGroup)), ct);
        await ReplaceGroupSet(GroupSets.KlSurveyGrupper, "KL's tre sammenlagte kommunegrupper (surveys)", source, 4,
            municipalities.Select(m => (m.Org, m.Row.KlGroup)), ct);
        await tx.CommitAsync(ct);
        return new Result(rows.Count, []);
    }

    /// <summary>Sets the members of each group of a set to exactly the given municipalities.</summary>
    async Task ReplaceGroupSet(string key, string name, string source, int order,
        IEnumerable<(Organisation Org, string Group)> members, CancellationToken ct)
    {
        var set = await db.GroupSets.Include(s => s.Groups).ThenInclude(g => g.Members).FirstOrDefaultAsync(s => s.Key == key, ct);
        if (set is null) db.GroupSets.Add(set = new GroupSet { Key = key });
        set.Name = name; set.Source = source; set.SortOrder = order;
        var list = members.ToList();
        var orgIds = list.Select(m => m.Org.Id).ToHashSet();
        foreach (var g in set.Groups) g.Members.RemoveAll(m => orgIds.Contains(m.OrganisationId));
        foreach (var (groupName, index) in list.Select(m => m.Group).Distinct().Order(StringComparer.Create(DanishTime.Culture, false)).Select((g, i) => (g, i)))
        {
            var group = set.Groups.FirstOrDefault(g => g.Name == groupName);
            if (group is null) set.Groups.Add(group = new Group { Name = groupName });
            group.SortOrder = index;
            foreach (var m in list.Where(m => m.Group == groupName))
                group.Members.Add(new GroupMember { OrganisationId = m.Org.Id });
        }
        await db.SaveChangesAsync(ct);
    }
}
