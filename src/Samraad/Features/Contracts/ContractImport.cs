namespace Samraad.Features.Contracts;

public enum ImportKind { Registrations, Evaluations }

public enum ImportState { Pending, Active, Undone }

/// <summary>One uploaded file: pending until confirmed, active once its rows are in, undone when taken back.</summary>
public class ContractImport
{
    public int Id { get; set; }
    public int ContractId { get; set; }
    public ImportKind Kind { get; set; }
    public ImportState State { get; set; }
    public string FileName { get; set; } = "";
    public string? EncodingNote { get; set; }
    public int Rows { get; set; }
    public int SkippedEmptyRows { get; set; }
    public int FileId { get; set; }
    public StoredFile? File { get; set; }
    public DateTime UploadedAtUtc { get; set; }
    public string UploadedBy { get; set; } = "";
    public DateTime? ConfirmedAtUtc { get; set; }
    public DateTime? UndoneAtUtc { get; set; }
    public string? UndoneBy { get; set; }
}
