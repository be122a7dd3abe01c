using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samraad.Features.Collections;

// How this feature's entities are stored: one configuration per entity, applied by AppDbContext (ApplyConfigurationsFromAssembly).

sealed class FormVersionConfiguration : IEntityTypeConfiguration<FormVersion>
{
    public void Configure(EntityTypeBuilder<FormVersion> e)
    {
        e.HasIndex(f => new { f.FormKey, f.Version }).IsUnique();
    }
}

sealed class CollectionConfiguration : IEntityTypeConfiguration<Collection>
{
    public void Configure(EntityTypeBuilder<Collection> e)
    {
        e.HasIndex(c => c.Slug).IsUnique();
        e.Property(c => c.ReminderDays).HasMaxLength(50);
        e.HasOne(c => c.Owner).WithMany().HasForeignKey(c => c.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(c => c.FormVersion).WithMany().HasForeignKey(c => c.FormVersionId).OnDelete(DeleteBehavior.Restrict);
        e.Property(c => c.PeriodKind).HasConversion<string>().HasMaxLength(10);
        e.Property(c => c.FirstPeriod).HasMaxLength(10);
        e.Property(c => c.LastPeriod).HasMaxLength(10);
        e.Property(c => c.Status).HasConversion<string>().HasMaxLength(10);
        e.Property(c => c.PackFolder).HasMaxLength(200);
        e.Property(c => c.PackSha256).HasMaxLength(64);
        e.Property(c => c.PendingPackSha256).HasMaxLength(64);
        e.HasOne(c => c.CopiedFrom).WithMany().HasForeignKey(c => c.CopiedFromId).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class CollectionRespondentConfiguration : IEntityTypeConfiguration<CollectionRespondent>
{
    public void Configure(EntityTypeBuilder<CollectionRespondent> e)
    {
        e.HasKey(r => new { r.CollectionId, r.OrganisationId });
        e.HasOne<Collection>().WithMany(c => c.Respondents).HasForeignKey(r => r.CollectionId);
        e.HasOne(r => r.Organisation).WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.Property(r => r.ExtensionReason).HasMaxLength(500);
        e.Property(r => r.RemovedBy).HasMaxLength(256);
        e.Ignore(r => r.IsActive);
    }
}

sealed class ResponseConfiguration : IEntityTypeConfiguration<Response>
{
    public void Configure(EntityTypeBuilder<Response> e)
    {
        e.HasIndex(r => new { r.CollectionId, r.OrganisationId, r.Period }).IsUnique();
        // The database judges concurrent changes: every save updates "WHERE Revision = the revision it read".
        e.Property(r => r.Revision).IsConcurrencyToken();
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(r => r.Period).HasMaxLength(20);
        e.Property(r => r.ReopenRequestedBy).HasMaxLength(256);
        e.Property(r => r.ReopenRequestReason).HasMaxLength(ReopenResponse.MaxReasonLength);
        e.HasOne(r => r.Organisation).WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<FormVersion>().WithMany().HasForeignKey(r => r.FormVersionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(r => r.LatestReceipt).WithMany().HasForeignKey(r => r.LatestReceiptId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(r => r.IsReopened);
    }
}

sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> e)
    {
        e.HasIndex(a => new { a.ResponseId, a.FieldKey }).IsUnique();
        e.Property(a => a.FieldKey).HasMaxLength(200);
    }
}

sealed class ReceiptConfiguration : IEntityTypeConfiguration<Receipt>
{
    public void Configure(EntityTypeBuilder<Receipt> e)
    {
        e.HasIndex(r => r.Number).IsUnique();
        e.HasOne(r => r.Response).WithMany().HasForeignKey(r => r.ResponseId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(r => r.FormVersion).WithMany().HasForeignKey(r => r.FormVersionId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ReceiptId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class ReceiptAnswerConfiguration : IEntityTypeConfiguration<ReceiptAnswer>
{
    public void Configure(EntityTypeBuilder<ReceiptAnswer> e)
    {
        e.HasIndex(a => new { a.ReceiptId, a.FieldKey }).IsUnique();
    }
}

sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.HasIndex(a => new { a.CollectionId, a.AtUtc });
        e.HasIndex(a => new { a.ResponseId, a.AtUtc });
        e.Property(a => a.Action).HasConversion<string>().HasMaxLength(30);
        e.HasOne(a => a.Response).WithMany().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Collection>().WithMany().HasForeignKey(a => a.CollectionId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class PrintedFigureRowConfiguration : IEntityTypeConfiguration<PrintedFigureRow>
{
    public void Configure(EntityTypeBuilder<PrintedFigureRow> e)
    {
        e.HasIndex(p => new { p.CollectionId, p.SortOrder });
        e.HasOne<Collection>().WithMany().HasForeignKey(p => p.CollectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
