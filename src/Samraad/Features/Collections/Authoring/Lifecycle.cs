using Samraad.Features.Collections.Forms;

namespace Samraad.Features.Collections.Authoring;

/// <summary>What the secretariat can do to a collection's status.</summary>
public enum StatusAction { Publish, Close, Reopen, Archive }

/// <summary>
/// The lifecycle's rules, plain: Kladde → Åben (publish) → Lukket (close, or the deadline passing) → Arkiveret, and
/// back to Åben from Lukket or Arkiveret (reopen). Publishing first checks the definition is answerable.
/// </summary>
public static class Lifecycle
{
    public static CollectionStatus? Next(CollectionStatus from, StatusAction action) => (from, action) switch
    {
        (CollectionStatus.Draft, StatusAction.Publish) => CollectionStatus.Open,
        (CollectionStatus.Open, StatusAction.Close) => CollectionStatus.Closed,
        (CollectionStatus.Closed or CollectionStatus.Archived, StatusAction.Reopen) => CollectionStatus.Open,
        (CollectionStatus.Open or CollectionStatus.Closed, StatusAction.Archive) => CollectionStatus.Archived,
        _ => null,
    };

    public static string Label(CollectionStatus status) => status switch
    {
        CollectionStatus.Draft => "Kladde",
        CollectionStatus.Open => "Åben",
        CollectionStatus.Closed => "Lukket",
        _ => "Arkiveret",
    };

    public static string Verb(StatusAction action) => action switch
    {
        StatusAction.Publish => "offentliggøres",
        StatusAction.Close => "lukkes",
        StatusAction.Reopen => "genåbnes",
        _ => "arkiveres",
    };

    /// <summary>
    /// What stands in the way of opening the collection to respondents (publishing it, or reopening it), in Danish;
    /// empty when nothing does.
    /// </summary>
    public static List<string> ProblemsBeforeOpening(FormSpec form, int respondents, DateTime deadlineUtc, DateTime nowUtc)
    {
        var problems = new List<string>();
        if (respondents == 0) problems.Add("Der er ingen respondenter. Vælg hvem der skal svare under Respondenter.");
        if (deadlineUtc <= nowUtc) problems.Add($"Fristen ({DanishTime.Format(deadlineUtc)}) er overskredet. Sæt en ny frist under Åbning og frist.");
        if (!form.Fields.Any()) problems.Add("Skemaet har ingen spørgsmål.");
        foreach (var section in form.Sections.Where(s => s.Fields.Count == 0))
            problems.Add($"Afsnittet »{(string.IsNullOrWhiteSpace(section.Title) ? "uden titel" : section.Title)}« har ingen spørgsmål.");
        return problems;
    }
}
