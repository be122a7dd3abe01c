using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Samraad.Auth;
using Samraad.Features.Collections;
using Samraad.Features.Contracts;
using Samraad.Features.Indicators;
using Samraad.Features.Surveys;
using Samraad.Features.Meetings;
using Samraad.Features.Pools;
using Samraad.Features.Reference;

namespace Samraad.Data;

/// <summary>
/// The one model of Samraad. Thin subclasses per provider carry their own migration sets
/// (one set cannot serve SQLite and PostgreSQL: column types differ).
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options)
{
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

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Stored as UTC; SQLite hands DateTime back unspecified, so mark it UTC on the way out.
        builder.Properties<DateTime>().HaveConversion<UtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);

        b.Entity<AppUser>(e =>
        {
            e.Property(u => u.FullName).HasMaxLength(200);
            e.Property(u => u.Role).HasMaxLength(20);
            e.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<Organisation>(e =>
        {
            e.HasIndex(o => o.Slug).IsUnique();
            e.HasIndex(o => o.MunicipalityCode).IsUnique();
            e.Property(o => o.Slug).HasMaxLength(80);
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
            e.HasOne(o => o.Kkr).WithMany().HasForeignKey(o => o.KkrId).OnDelete(DeleteBehavior.Restrict);
            e.Ignore(o => o.DisplayName);
        });
        b.Entity<GroupSet>(e => e.HasIndex(g => g.Key).IsUnique());
        b.Entity<Group>(e => e.HasIndex(g => new { g.GroupSetId, g.Name }).IsUnique());
        b.Entity<GroupMember>(e => e.HasKey(m => new { m.GroupId, m.OrganisationId }));

        b.Entity<FormVersion>(e => e.HasIndex(f => new { f.FormKey, f.Version }).IsUnique());
        b.Entity<Collection>(e =>
        {
            e.HasIndex(c => c.Slug).IsUnique();
            e.HasOne(c => c.Owner).WithMany().HasForeignKey(c => c.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(c => c.FormVersion).WithMany().HasForeignKey(c => c.FormVersionId).OnDelete(DeleteBehavior.Restrict);
            e.Property(c => c.PeriodKind).HasConversion<string>().HasMaxLength(10);
            e.Property(c => c.FirstPeriod).HasMaxLength(10);
            e.Property(c => c.LastPeriod).HasMaxLength(10);
        });
        b.Entity<CollectionRespondent>(e =>
        {
            e.HasKey(r => new { r.CollectionId, r.OrganisationId });
            e.HasOne<Collection>().WithMany(c => c.Respondents).HasForeignKey(r => r.CollectionId);
            e.HasOne(r => r.Organisation).WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Response>(e =>
        {
            e.HasIndex(r => new { r.CollectionId, r.OrganisationId, r.Period }).IsUnique();
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Period).HasMaxLength(20);
            e.HasOne(r => r.Organisation).WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<FormVersion>().WithMany().HasForeignKey(r => r.FormVersionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(r => r.LatestReceipt).WithMany().HasForeignKey(r => r.LatestReceiptId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(r => r.IsReopened);
        });
        b.Entity<Answer>(e =>
        {
            e.HasIndex(a => new { a.ResponseId, a.FieldKey }).IsUnique();
            e.Property(a => a.FieldKey).HasMaxLength(200);
        });
        b.Entity<Receipt>(e =>
        {
            e.HasIndex(r => r.Number).IsUnique();
            e.HasOne(r => r.Response).WithMany().HasForeignKey(r => r.ResponseId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(r => r.FormVersion).WithMany().HasForeignKey(r => r.FormVersionId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ReceiptId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ReceiptAnswer>(e => e.HasIndex(a => new { a.ReceiptId, a.FieldKey }).IsUnique());
        b.Entity<AuditEntry>(e =>
        {
            e.HasIndex(a => new { a.CollectionId, a.AtUtc });
            e.HasIndex(a => new { a.ResponseId, a.AtUtc });
            e.Property(a => a.Action).HasConversion<string>().HasMaxLength(30);
            e.HasOne(a => a.Response).WithMany().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Collection>().WithMany().HasForeignKey(a => a.CollectionId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<PrintedFigureRow>(e =>
        {
            e.HasIndex(p => new { p.CollectionId, p.SortOrder });
            e.HasOne<Collection>().WithMany().HasForeignKey(p => p.CollectionId).OnDelete(DeleteBehavior.Cascade);
        });
        ConfigureIndicators(b);
        ConfigureSurveys(b);
        ConfigureMeetings(b);
        ConfigurePools(b);
        ConfigureContracts(b);
    }

    static void ConfigureContracts(ModelBuilder b)
    {
        b.Entity<ReferenceFigure>(e =>
        {
            e.HasIndex(x => new { x.Key, x.Year, x.OrganisationId }).IsUnique();
            e.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Contract>(e =>
        {
            e.HasIndex(x => x.Slug).IsUnique();
            e.HasOne(x => x.Owner).WithMany().HasForeignKey(x => x.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Hub).WithMany().HasForeignKey(x => x.HubOrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Goals).WithOne().HasForeignKey(g => g.ContractId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(x => x.YearEnd);
        });
        b.Entity<Goal>(e =>
        {
            e.HasIndex(x => new { x.ContractId, x.Number }).IsUnique();
            e.Property(x => x.Scope).HasConversion<string>().HasMaxLength(10);
        });
        b.Entity<ContractImport>(e =>
        {
            e.HasIndex(x => new { x.ContractId, x.Kind, x.State });
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(10);
            e.HasOne<Contract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.File).WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Restrict);
        });
        // Goal figures are aggregates over a million rows. Two covering indexes, both led by (contract, year), let each
        // aggregate read one index in its own order, grouping as it reads (no sort, no table lookups): one by date for
        // the counts, one by company for the distinct company counts.
        b.Entity<Registration>(e =>
        {
            e.HasIndex(x => new { x.ContractId, x.CaseId }).IsUnique();
            e.HasIndex(x => new { x.ContractId, x.Year, x.StartDate, x.Type, x.MunicipalityCode, x.IsEsg, x.IsAiCheck, x.ReferredExternal }).HasDatabaseName("IX_Registrations_Counts");
            e.HasIndex(x => new { x.ContractId, x.Year, x.Cvr, x.HqRegionCode, x.GuidedPreviousYear }).HasDatabaseName("IX_Registrations_Companies");
            e.HasIndex(x => x.ImportId);
            e.Property(x => x.CaseId).HasMaxLength(50);
            e.HasOne<Contract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ContractImport>().WithMany().HasForeignKey(x => x.ImportId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Evaluation>(e =>
        {
            e.HasIndex(x => new { x.ContractId, x.Segment });
            e.HasIndex(x => x.ImportId);
            e.HasOne<Contract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ContractImport>().WithMany().HasForeignKey(x => x.ImportId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<EnteredFigure>(e =>
        {
            e.HasIndex(x => new { x.ContractId, x.Key, x.Year });
            e.HasOne<Contract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<QualitativeStatus>(e =>
        {
            e.HasIndex(x => new { x.ContractId, x.GoalNumber }).IsUnique();
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(15);
            e.HasOne<Contract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    static void ConfigureIndicators(ModelBuilder b)
    {
        b.Entity<KeyFigureSet>(e =>
        {
            e.HasIndex(x => x.Slug).IsUnique();
            e.Property(x => x.Slug).HasMaxLength(100);
            e.Property(x => x.PeriodKind).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.FirstPeriod).HasMaxLength(10);
            e.Property(x => x.LastPeriod).HasMaxLength(10);
            e.HasOne(x => x.Owner).WithMany().HasForeignKey(x => x.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Reporters).WithOne().HasForeignKey(x => x.SetId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<KeyFigureReporter>(e =>
        {
            e.HasIndex(x => new { x.SetId, x.OrganisationId }).IsUnique();
            e.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        // One figure per reporter, period and field: entering a period again replaces its figures.
        b.Entity<KeyFigureValue>(e =>
        {
            e.HasIndex(x => new { x.SetId, x.OrganisationId, x.Period, x.Key }).IsUnique();
            // The summary across reporters (per period and field) reads this index in its GROUP BY order, no sort.
            e.HasIndex(x => new { x.SetId, x.Period, x.Key, x.Value, x.MissingCode }).HasDatabaseName("IX_KeyFigureValues_Summary");
            e.Property(x => x.Period).HasMaxLength(10);
            e.Property(x => x.Key).HasMaxLength(60);
            e.Property(x => x.MissingCode).HasMaxLength(40);
            e.HasOne<KeyFigureSet>().WithMany().HasForeignKey(x => x.SetId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    static void ConfigureSurveys(ModelBuilder b)
    {
        b.Entity<Survey>(e =>
        {
            e.HasIndex(x => x.Slug).IsUnique();
            e.Property(x => x.Slug).HasMaxLength(100);
            e.HasOne(x => x.Owner).WithMany().HasForeignKey(x => x.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<SurveyImport>(e => e.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade));
        b.Entity<SurveyRespondent>(e =>
        {
            e.HasIndex(x => new { x.SurveyId, x.No }).IsUnique();
            e.Property(x => x.Key).HasMaxLength(100);
            e.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
        });
        // A pivot by a dimension × answer reads only its covering index: one per dimension.
        b.Entity<SurveyAnswer>(e =>
        {
            e.HasIndex(x => new { x.SurveyId, x.Question, x.D1, x.Answer }).HasDatabaseName("IX_SurveyAnswers_D1");
            e.HasIndex(x => new { x.SurveyId, x.Question, x.D2, x.Answer }).HasDatabaseName("IX_SurveyAnswers_D2");
            e.HasIndex(x => new { x.SurveyId, x.Question, x.D3, x.Answer }).HasDatabaseName("IX_SurveyAnswers_D3");
            e.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    static void ConfigurePools(ModelBuilder b)
    {
        b.Entity<Pool>(e =>
        {
            e.HasIndex(x => x.Slug).IsUnique();
            e.HasOne(x => x.Owner).WithMany().HasForeignKey(x => x.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Collection).WithMany().HasForeignKey(x => x.CollectionId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Budgets).WithOne().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(x => x.BudgetThousands);
        });
        b.Entity<PoolBudget>(e => e.HasIndex(x => new { x.PoolId, x.Year }).IsUnique());
        b.Entity<ProjectAssessment>(e =>
        {
            e.HasIndex(x => new { x.PoolId, x.OrganisationId, x.ProjectIndex }).IsUnique();
            e.HasOne<Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<PoolDecision>(e =>
        {
            e.HasIndex(x => new { x.PoolId, x.OrganisationId }).IsUnique();
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
            e.HasOne<Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.LetterFile).WithMany().HasForeignKey(x => x.LetterFileId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<PoolDocument>(e =>
        {
            e.HasIndex(x => new { x.PoolId, x.OrganisationId });
            e.HasOne<Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.File).WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    static void ConfigureMeetings(ModelBuilder b)
    {
        b.Entity<Body>(e =>
        {
            e.HasIndex(x => x.Slug).IsUnique();
            e.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<BodyMember>(e => e.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict));
        b.Entity<Meeting>(e =>
        {
            e.HasIndex(x => x.Slug).IsUnique();
            e.HasIndex(x => x.StartsAtUtc);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.HasOne(x => x.Body).WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Items).WithOne(i => i.Meeting).HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Attendance).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Addenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(x => x.Date);
            e.Ignore(x => x.MinutesLockedReason);
        });
        b.Entity<AgendaItem>(e =>
        {
            e.HasIndex(x => new { x.MeetingId, x.Number }).IsUnique();
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Number).HasMaxLength(20);
            e.HasMany(x => x.Attachments).WithOne(a => a.AgendaItem).HasForeignKey(a => a.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Tasks).WithOne(t => t.AgendaItem).HasForeignKey(t => t.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
            e.Ignore(x => x.Heading);
        });
        b.Entity<Attachment>(e =>
        {
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
            e.HasOne(x => x.File).WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<StoredFile>(e => e.HasIndex(x => x.Sha256));
        b.Entity<Publication>(e =>
        {
            e.HasIndex(x => new { x.MeetingId, x.Version }).IsUnique();
            e.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.PacketFile).WithMany().HasForeignKey(x => x.PacketFileId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Attendance>(e =>
        {
            e.HasIndex(x => new { x.MeetingId, x.BodyMemberId }).IsUnique();
            e.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.BodyMemberId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<MinutesAddendum>(e => e.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.AgendaItemId).OnDelete(DeleteBehavior.Restrict));
        b.Entity<FollowUpTask>(e =>
        {
            e.HasIndex(x => new { x.State, x.DueDate });
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(10);
            e.HasOne(x => x.OwnerOrganisation).WithMany().HasForeignKey(x => x.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>The SQLite model (the default, embedded database).</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

/// <summary>The PostgreSQL model, selected by configuration.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
