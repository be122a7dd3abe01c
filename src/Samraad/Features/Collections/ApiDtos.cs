namespace Samraad.Features.Collections;

/// <summary>A collection in the list.</summary>
/// <summary>Status: Draft (only the secretariat sees it), Open, Closed or Archived.</summary>
public sealed record CollectionListItem(string Slug, string Title, string Owner, DateTime OpensAtUtc, DateTime DeadlineUtc, bool IsOpen, int Respondents, int Answered, int Submitted,
    string Status);

/// <summary>A collection with its form definition (the pack's JSON) and respondents.</summary>
public sealed record CollectionDefinition(string Slug, string Title, string? Description, string Owner, DateTime OpensAtUtc, DateTime DeadlineUtc,
    string FormKey, int FormVersion, System.Text.Json.JsonElement Form, IReadOnlyList<RespondentDto> Respondents, IReadOnlyList<string>? Periods = null);

/// <summary>An organisation asked to answer.</summary>
public sealed record RespondentDto(string Slug, string Name, int? MunicipalityCode);

/// <summary>One stored answer: canonical value or missing code, and Danish display text.</summary>
public sealed record AnswerDto(string? Value, string? Missing, string Display);

/// <summary>
/// The body of a draft or a submit. Answer keys: "field", "field/row/column" (a matrix cell), "field/n/column" (row n
/// of a table). A value is text ("1.250", "31-12-2026", "ja"), a JSON number or boolean, null (clears), a list of
/// option keys (multi-select), or {"value": …, "missing": "ved-ikke"}. Send the revision you read to avoid
/// overwriting a colleague (409 otherwise).
/// </summary>
public sealed record AnswersRequest(IReadOnlyDictionary<string, System.Text.Json.JsonElement?> Answers, int? Revision);

/// <summary>A respondent's response: status, revision (send it back to avoid overwriting a colleague) and answers.</summary>
public sealed record ResponseDto(string Collection, string Respondent, string Status, int Revision, int? FormVersion,
    string? LatestReceipt, DateTime? LatestReceiptAtUtc, bool CanEdit, string? ClosedReason, IReadOnlyDictionary<string, AnswerDto> Answers, string? Period = null,
    ReopenRequestDto? ReopenRequest = null);

/// <summary>An open request from the respondent to reopen its submitted response.</summary>
public sealed record ReopenRequestDto(DateTime RequestedAtUtc, string RequestedBy, string Reason);

/// <summary>A receipt issued on submission.</summary>
public sealed record ReceiptDto(string Number, string Organisation, string SubmittedBy, DateTime SubmittedAtUtc, string SubmittedAtDanish, IReadOnlyDictionary<string, AnswerDto> Answers);

/// <summary>Why a response is reopened, or why the respondent asks for it.</summary>
public sealed record ReopenRequest(string? Reason);

/// <summary>Counts of one answer option.</summary>
public sealed record OptionCountDto(string Key, string Label, int Count, int Of, decimal Share);

/// <summary>The computed figures of one question.</summary>
public sealed record FieldSummaryDto(string Key, string Label, string Type, int Respondents, int Submitted, int Answered, int WithoutValue,
    IReadOnlyList<OptionCountDto> Options, IReadOnlyList<OptionCountDto> MissingCodes, decimal? Sum, decimal? Mean, decimal? Min, decimal? Max,
    decimal? Median = null, string? Earliest = null, string? Latest = null, int? Asked = null, IReadOnlyList<OptionCountDto>? Categories = null);

/// <summary>A repeating table: respondents with rows, rows in all, each column over all rows.</summary>
public sealed record TableSummaryDto(string Key, string Label, int RespondentsWithRows, int Rows, IReadOnlyList<FieldSummaryDto> Columns);

/// <summary>A printed figure beside the computed one.</summary>
public sealed record FigureCheckDto(string Source, string Field, string FieldLabel, string? Respondent, string Printed, string Computed, bool Agrees);

/// <summary>A cell of a pack-defined overview table.</summary>
public sealed record SummaryCellDto(string Field, int Count, int Of, IReadOnlyList<FigureCheckDto> Printed);

/// <summary>A row of a pack-defined overview table.</summary>
public sealed record SummaryRowDto(string Label, IReadOnlyList<SummaryCellDto> Cells);

/// <summary>A pack-defined overview table such as the "Pixi" summary.</summary>
public sealed record SummaryTableDto(string Key, string Title, IReadOnlyList<string> Columns, IReadOnlyList<SummaryRowDto> Rows);

/// <summary>Figures of one group of a group set.</summary>
public sealed record GroupSummaryDto(string Group, IReadOnlyList<FieldSummaryDto> Fields);

/// <summary>The whole summary, computed at request time.</summary>
public sealed record SummaryDto(string Collection, DateTime ComputedAtUtc, int Respondents, int Answered, int Submitted, IReadOnlyList<string> NotSubmitted,
    IReadOnlyList<SummaryTableDto> Tables, IReadOnlyList<FieldSummaryDto> Fields, int PrintedFiguresChecked, IReadOnlyList<FigureCheckDto> Differences,
    string? GroupSet, IReadOnlyList<GroupSummaryDto>? Groups, IReadOnlyList<TableSummaryDto>? RepeatingTables = null);

/// <summary>The respondents × questions matrix.</summary>
public sealed record MatrixDto(string Collection, IReadOnlyList<MatrixColumnDto> Columns, IReadOnlyList<MatrixRowDto> Rows, IReadOnlyList<string> Totals);

/// <summary>A column of the matrix.</summary>
public sealed record MatrixColumnDto(string Key, string Label);

/// <summary>A row of the matrix: one respondent's displayed answers, in column order.</summary>
public sealed record MatrixRowDto(string Respondent, string Name, bool Submitted, IReadOnlyList<string> Cells, IReadOnlyList<string?> PrintedDisagrees);

/// <summary>A line of the audit log.</summary>
public sealed record AuditDto(DateTime AtUtc, string User, string? Respondent, string Action, string? Field, string? FieldLabel, string? OldValue, string? NewValue, string? Note);

/// <summary>The summary of one period of a periodic collection, with the time series over all its periods.</summary>
public sealed record PeriodicSummaryDto(string Period, SummaryDto Summary, Summaries.PeriodSeries? Series);
