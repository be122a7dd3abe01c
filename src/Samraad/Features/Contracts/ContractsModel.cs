using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samraad.Features.Contracts;

// How this feature's entities are stored: one configuration per entity, applied by AppDbContext (ApplyConfigurationsFromAssembly).

sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> e)
    {
        e.HasIndex(x => x.Slug).IsUnique();
        e.HasOne(x => x.Owner).WithMany().HasForeignKey(x => x.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Hub).WithMany().HasForeignKey(x => x.HubOrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Goals).WithOne().HasForeignKey(g => g.ContractId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(x => x.YearEnd);
    }
}

sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> e)
    {
        e.HasIndex(x => new { x.ContractId, x.Number }).IsUnique();
        e.Property(x => x.Scope).HasConversion<string>().HasMaxLength(10);
    }
}

sealed class ContractImportConfiguration : IEntityTypeConfiguration<ContractImport>
{
    public void Configure(EntityTypeBuilder<ContractImport> e)
    {
        e.HasIndex(x => new { x.ContractId, x.Kind, x.State });
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(10);
        e.HasOne<Contract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.File).WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}

// Goal figures are aggregates over a million rows. Two covering indexes, both led by (contract, year), let each
// aggregate read one index in its own order, grouping as it reads (no sort, no table lookups): one by date for
// the counts, one by company for the distinct company counts.
sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> e)
    {
        e.HasIndex(x => new { x.ContractId, x.CaseId }).IsUnique();
        e.HasIndex(x => new { x.ContractId, x.Year, x.StartDate, x.Type, x.MunicipalityCode, x.IsEsg, x.IsAiCheck, x.ReferredExternal }).HasDatabaseName("IX_Registrations_Counts");
        e.HasIndex(x => new { x.ContractId, x.Year, x.Cvr, x.HqRegionCode, x.GuidedPreviousYear }).HasDatabaseName("IX_Registrations_Companies");
        e.HasIndex(x => x.ImportId);
        e.Property(x => x.CaseId).HasMaxLength(50);
        e.HasOne<Contract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<ContractImport>().WithMany().HasForeignKey(x => x.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> e)
    {
        e.HasIndex(x => new { x.ContractId, x.Segment });
        e.HasIndex(x => x.ImportId);
        e.HasOne<Contract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<ContractImport>().WithMany().HasForeignKey(x => x.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class EnteredFigureConfiguration : IEntityTypeConfiguration<EnteredFigure>
{
    public void Configure(EntityTypeBuilder<EnteredFigure> e)
    {
        e.HasIndex(x => new { x.ContractId, x.Key, x.Year });
        e.HasOne<Contract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class QualitativeStatusConfiguration : IEntityTypeConfiguration<QualitativeStatus>
{
    public void Configure(EntityTypeBuilder<QualitativeStatus> e)
    {
        e.HasIndex(x => new { x.ContractId, x.GoalNumber }).IsUnique();
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(15);
        e.HasOne<Contract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Cascade);
    }
}
