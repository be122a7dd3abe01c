namespace Samraad.Common;

/// <summary>
/// Where Samraad keeps its data and which database it uses. Set by command-line options
/// (--data-dir, --db-provider, --db), environment variables (SAMRAAD_DATA_DIR, SAMRAAD_DB_PROVIDER, SAMRAAD_DB)
/// or configuration keys (Samraad:DataDir …).
/// </summary>
public sealed class SamraadOptions
{
    public const string Section = "Samraad";
    public string DataDir { get; set; } = "data";
    /// <summary>"sqlite" (default) or "postgres".</summary>
    public string DbProvider { get; set; } = "sqlite";
    /// <summary>The connection string; for SQLite the default is a file in the data directory.</summary>
    public string? Db { get; set; }
    /// <summary>Create the first accounts (admin, secretariat, one per municipality) when none exist.</summary>
    public bool InitialAccounts { get; set; } = true;
    /// <summary>Load the packs' demo answers when a collection is created.</summary>
    public bool DemoData { get; set; } = true;
    /// <summary>Folder with the packs; default: "packs" next to the binary.</summary>
    public string? PacksDir { get; set; }

    /// <summary>
    /// The address users reach Samraad at, for links in e-mails ("https://samraad.kkr.dk"). Configured, never taken
    /// from a request: the Host header is the client's choice, and a reset link must not point at someone else's site.
    /// </summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:5080";
    /// <summary>Roles that must sign in with two factors, comma-separated (Samraad:RequireTwoFactor, e.g. "admin,sekretariat"); none by default.</summary>
    public string RequireTwoFactor { get; set; } = "";

    /// <summary>Log-in and password-reset attempts per client address and minute (Samraad:LoginsPerMinute).</summary>
    public int LoginsPerMinute { get; set; } = DefaultLoginsPerMinute;
    public const int DefaultLoginsPerMinute = 60;

    public string PublicBaseUrl => PublicUrl.TrimEnd('/');

    public bool IsPostgres => DbProvider.Equals("postgres", StringComparison.OrdinalIgnoreCase)
                              || DbProvider.Equals("postgresql", StringComparison.OrdinalIgnoreCase);

    public string FullDataDir => Path.GetFullPath(DataDir);

    public string SqliteConnectionString => Db ?? $"Data Source={Path.Combine(FullDataDir, "samraad.db")}";

    public string ResolvedPacksDir => PacksDir ?? Path.Combine(AppContext.BaseDirectory, "packs");
    public string ReferenceDir => Path.Combine(AppContext.BaseDirectory, "reference");
}
