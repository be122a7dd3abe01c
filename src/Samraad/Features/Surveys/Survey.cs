using Samraad.Features.Reference;

namespace Samraad.Features.Surveys;

/// <summary>A survey with respondent-level answers (microdata), owned by a secretariat. The pack is its definition.</summary>
public class Survey
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public int OwnerOrganisationId { get; set; }
    public Organisation? Owner { get; set; }
    public string DefinitionJson { get; set; } = "";
    public SurveyDefinition Definition() => SurveyDefinition.Parse(DefinitionJson);
}

/// <summary>One import of a survey's data file. An import replaces the survey's rows as a whole.</summary>
public class SurveyImport
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public string FileName { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public int Respondents { get; set; }
    public string ImportedBy { get; set; } = "";
    public DateTime ImportedAtUtc { get; set; }
}

/// <summary>A respondent: its id in the file and its dimension values (region name, municipality code, cluster…).</summary>
public class SurveyRespondent
{
    public long Id { get; set; }
    public int SurveyId { get; set; }
    public int No { get; set; }
    public string Key { get; set; } = "";
    public string? D1 { get; set; }
    public string? D2 { get; set; }
    public string? D3 { get; set; }
}

/// <summary>
/// One answer: question number, answer number in the question's scale (null = left blank, shown as "(tom)").
/// The respondent's dimension values are repeated on the row so that a pivot is a single GROUP BY over one
/// covering index, however many respondents there are.
/// </summary>
public class SurveyAnswer
{
    public long Id { get; set; }
    public int SurveyId { get; set; }
    public int RespondentNo { get; set; }
    public short Question { get; set; }
    public short? Answer { get; set; }
    public string? D1 { get; set; }
    public string? D2 { get; set; }
    public string? D3 { get; set; }
}
