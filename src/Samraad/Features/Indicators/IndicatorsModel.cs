using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samraad.Features.Reference;

namespace Samraad.Features.Indicators;

// How this feature's entities are stored: one configuration per entity, applied by AppDbContext (ApplyConfigurationsFromAssembly).

sealed class KeyFigureSetConfiguration : IEntityTypeConfiguration<KeyFigureSet>
{
    public void Configure(EntityTypeBuilder<KeyFigureSet> e)
    {
        e.HasIndex(x => x.Slug).IsUnique();
        e.Property(x => x.Slug).HasMaxLength(100);
        e.Property(x => x.PeriodKind).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.FirstPeriod).HasMaxLength(10);
        e.Property(x => x.LastPeriod).HasMaxLength(10);
        e.HasOne(x => x.Owner).WithMany().HasForeignKey(x => x.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Reporters).WithOne().HasForeignKey(x => x.SetId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class KeyFigureReporterConfiguration : IEntityTypeConfiguration<KeyFigureReporter>
{
    public void Configure(EntityTypeBuilder<KeyFigureReporter> e)
    {
        e.HasIndex(x => new { x.SetId, x.OrganisationId }).IsUnique();
        e.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

// One figure per reporter, period and field: entering a period again replaces its figures.
sealed class KeyFigureValueConfiguration : IEntityTypeConfiguration<KeyFigureValue>
{
    public void Configure(EntityTypeBuilder<KeyFigureValue> e)
    {
        e.HasIndex(x => new { x.SetId, x.OrganisationId, x.Period, x.Key }).IsUnique();
        // The summary across reporters (per period and field) reads this index in its GROUP BY order, no sort.
        e.HasIndex(x => new { x.SetId, x.Period, x.Key, x.Value, x.MissingCode }).HasDatabaseName("IX_KeyFigureValues_Summary");
        e.Property(x => x.Period).HasMaxLength(10);
        e.Property(x => x.Key).HasMaxLength(60);
        e.Property(x => x.MissingCode).HasMaxLength(40);
        e.HasOne<KeyFigureSet>().WithMany().HasForeignKey(x => x.SetId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
