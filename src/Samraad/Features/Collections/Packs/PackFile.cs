using System.Text.Json;
using Samraad.Features.Collections.Summaries;

namespace Samraad.Features.Collections.Packs;

/// <summary>
/// packs/&lt;slug&gt;/collection.json: a collection described as data. Adding a collection of the same kind needs no C#.
/// Times are Danish local time ("2024-03-04T23:59").
/// </summary>
public sealed class PackFile
{
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string? Source { get; set; }
    /// <summary>Slug of the owner organisation (e.g. "kkr-sjaelland").</summary>
    public string Owner { get; set; } = "";
    public PackRespondents Respondents { get; set; } = new();
    public string Opens { get; set; } = "";
    public string Deadline { get; set; } = "";
    /// <summary>File name of the form definition in the pack folder.</summary>
    public string Form { get; set; } = "form.json";
    public PackDemo? Demo { get; set; }
    /// <summary>Set when the collection repeats per period: {"kind": "Year", "first": "2021", "last": "2023"}.</summary>
    public PackPeriods? Periods { get; set; }
    /// <summary>File name of the figures a document printed (CSV), to compare with computed ones.</summary>
    public string? PrintedFigures { get; set; }
    public List<SummaryTableSpec> SummaryTables { get; set; } = new();

    static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, RespectNullableAnnotations = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static PackFile Parse(string json)
    {
        var pack = JsonSerializer.Deserialize<PackFile>(json, Json) ?? throw new InvalidDataException("collection.json er tom");
        SummaryTableSpec.NoNulls(pack.SummaryTables);
        if (pack.Respondents.Organisations.Any(o => o is null)) throw new JsonException("respondents.organisations har en tom værdi (null).");
        return pack;
    }

    /// <summary>What is wrong with the periods (kind, first and last in order), or null.</summary>
    public string? PeriodProblem() => Periods is { } p && (Samraad.Periods.Parse(p.Kind, p.First) is null || Samraad.Periods.Parse(p.Kind, p.Last) is null
        || string.CompareOrdinal(p.First, p.Last) > 0) ? $"{Slug}: perioderne {p.First}–{p.Last} passer ikke til periodetypen {p.Kind}" : null;
}

/// <summary>Who is asked: the member municipalities of a KKR, organisations of a kind, and/or listed slugs.</summary>
public sealed class PackRespondents
{
    public string? MembersOfKkr { get; set; }
    public string? AllOfKind { get; set; }
    public List<string> Organisations { get; set; } = new();
}

/// <summary>Demo answers loaded once, when the collection is first created, as submitted responses.</summary>
public sealed class PackPeriods
{
    public PeriodKind Kind { get; set; }
    public string First { get; set; } = "";
    public string Last { get; set; } = "";
}

public sealed class PackDemo
{
    /// <summary>CSV: a "respondent" column (organisation slug) and one column per answer key.</summary>
    public string Responses { get; set; } = "";
    public string SubmittedAt { get; set; } = "";
    public string SubmittedBy { get; set; } = "";
    public string? Note { get; set; }
}
