using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samraad.Features.Meetings;

// How this feature's entities are stored: one configuration per entity, applied by AppDbContext (ApplyConfigurationsFromAssembly).

sealed class BodyConfiguration : IEntityTypeConfiguration<Body>
{
    public void Configure(EntityTypeBuilder<Body> e)
    {
        e.HasIndex(x => x.Slug).IsUnique();
        e.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class BodyMemberConfiguration : IEntityTypeConfiguration<BodyMember>
{
    public void Configure(EntityTypeBuilder<BodyMember> e)
    {
        e.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> e)
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
    }
}

sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> e)
    {
        e.HasIndex(x => new { x.MeetingId, x.Number }).IsUnique();
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Number).HasMaxLength(20);
        e.HasMany(x => x.Attachments).WithOne(a => a.AgendaItem).HasForeignKey(a => a.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Tasks).WithOne(t => t.AgendaItem).HasForeignKey(t => t.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        e.Ignore(x => x.Heading);
    }
}

sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> e)
    {
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        e.HasOne(x => x.File).WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> e)
    {
        e.HasIndex(x => new { x.MeetingId, x.Version }).IsUnique();
        e.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.PacketFile).WithMany().HasForeignKey(x => x.PacketFileId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> e)
    {
        e.HasIndex(x => new { x.MeetingId, x.BodyMemberId }).IsUnique();
        e.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.BodyMemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class MinutesAddendumConfiguration : IEntityTypeConfiguration<MinutesAddendum>
{
    public void Configure(EntityTypeBuilder<MinutesAddendum> e)
    {
        e.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class FollowUpTaskConfiguration : IEntityTypeConfiguration<FollowUpTask>
{
    public void Configure(EntityTypeBuilder<FollowUpTask> e)
    {
        e.HasIndex(x => new { x.State, x.DueDate });
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(10);
        e.HasOne(x => x.OwnerOrganisation).WithMany().HasForeignKey(x => x.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
