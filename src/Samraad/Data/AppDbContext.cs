using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Samraad.Auth;
using Samraad.Features.Collections;
using Samraad.Features.Contracts;
using Samraad.Features.Indicators;
using Samraad.Features.Meetings;
using Samraad.Features.Pools;
using Samraad.Features.Reference;
using Samraad.Features.Surveys;

namespace Samraad.Data;

/// <summary>
/// The one model of Samraad. Thin subclasses per provider carry their own migration sets
/// (one set cannot serve SQLite and PostgreSQL: column types differ).
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>The data-protection key ring on PostgreSQL, shared by every node (Operations/KeyStorage).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<GroupSet> GroupSets => Set<GroupSet>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();
    public DbSet<FormVersion> FormVersions => Set<FormVersion>();
    public DbSet<Collection> Collections => Set<Collection>();
    public DbSet<CollectionRespondent> CollectionRespondents => Set<CollectionRespondent>();
    public DbSet<Response> Responses => Set<Response>();
    public DbSet<Answer> Answers => Set<Answer>();
    public DbSet<Receipt> Receipts => Set<Receipt>();
    public DbSet<ReceiptAnswer> ReceiptAnswers => Set<ReceiptAnswer>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<PrintedFigureRow> PrintedFigures => Set<PrintedFigureRow>();
    public DbSet<Body> Bodies => Set<Body>();
    public DbSet<BodyMember> BodyMembers => Set<BodyMember>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<StoredFile> Files => Set<StoredFile>();
    public DbSet<Publication> Publications => Set<Publication>();
    public DbSet<Attendance> Attendance => Set<Attendance>();
    public DbSet<MinutesAddendum> MinutesAddenda => Set<MinutesAddendum>();
    public DbSet<FollowUpTask> Tasks => Set<FollowUpTask>();
    public DbSet<Pool> Pools => Set<Pool>();
    public DbSet<PoolBudget> PoolBudgets => Set<PoolBudget>();
    public DbSet<ProjectAssessment> ProjectAssessments => Set<ProjectAssessment>();
    public DbSet<PoolDecision> PoolDecisions => Set<PoolDecision>();
    public DbSet<PoolDocument> PoolDocuments => Set<PoolDocument>();
    public DbSet<ReferenceFigure> ReferenceFigures => Set<ReferenceFigure>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<ContractImport> ContractImports => Set<ContractImport>();
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<Evaluation> Evaluations => Set<Evaluation>();
    public DbSet<EnteredFigure> EnteredFigures => Set<EnteredFigure>();
    public DbSet<QualitativeStatus> QualitativeStatuses => Set<QualitativeStatus>();
    public DbSet<KeyFigureSet> KeyFigureSets => Set<KeyFigureSet>();
    public DbSet<KeyFigureReporter> KeyFigureReporters => Set<KeyFigureReporter>();
    public DbSet<KeyFigureValue> KeyFigureValues => Set<KeyFigureValue>();
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<SurveyImport> SurveyImports => Set<SurveyImport>();
    public DbSet<SurveyRespondent> SurveyRespondents => Set<SurveyRespondent>();
    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();
    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();
    public DbSet<SignInEvent> SignInEvents => Set<SignInEvent>();
    public DbSet<Features.Notifications.OutboxMessage> Outbox => Set<Features.Notifications.OutboxMessage>();
    public DbSet<Operations.Jobs.Job> Jobs => Set<Operations.Jobs.Job>();
    public DbSet<Features.Search.SearchEntry> SearchEntries => Set<Features.Search.SearchEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Stored as UTC; SQLite hands DateTime back unspecified, so mark it UTC on the way out.
        builder.Properties<DateTime>().HaveConversion<UtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        // Each feature configures its own entities (IEntityTypeConfiguration<T> in its folder).
        b.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>The SQLite model (the default, embedded database).</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

/// <summary>The PostgreSQL model, selected by configuration.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
