namespace Samraad.Features.Surveys;

public sealed record SurveyItemDto(string Slug, string Title, int Respondents, string Differences);
public sealed record PivotCellDto(string Row, string Column, int Count, decimal? Percent, string? Printed, bool Differs);
public sealed record PivotDto(string Title, string Question, string QuestionLabel, string? Split, bool ByCategory, IReadOnlyList<string> Rows, IReadOnlyList<string> Columns, IReadOnlyList<PivotCellDto> Cells);
public sealed record ChartDto(string Key, string Title, IReadOnlyList<string> Categories, IReadOnlyList<ChartBar> Bars);
public sealed record SurveyReportDto(string Slug, string Title, string Source, string? Note, int Respondents, ResponseRate? ResponseRate,
    IReadOnlyList<PivotDto> Pivots, IReadOnlyList<ChartDto> Charts, IReadOnlyList<SurveyDiscrepancy> Discrepancies, int PrintedChecked);
