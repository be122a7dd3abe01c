using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samraad.Auth;

// How this feature's entities are stored: one configuration per entity, applied by AppDbContext (ApplyConfigurationsFromAssembly).

sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> e)
    {
        e.Property(u => u.FullName).HasMaxLength(200);
        e.Property(u => u.Role).HasMaxLength(20);
        e.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        // IsActive, WantsReminders and WantsNotices are true for the accounts that existed before the columns (the
        // migration's default); the model has none, so EF writes whatever a new account says, false included.
        e.HasIndex(u => u.OrganisationId);
    }
}

sealed class AccountTokenConfiguration : IEntityTypeConfiguration<AccountToken>
{
    public void Configure(EntityTypeBuilder<AccountToken> e)
    {
        e.ToTable("AccountTokens");
        e.Property(t => t.TokenHash).HasMaxLength(64);
        e.HasIndex(t => t.TokenHash).IsUnique();
        e.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(20);
        e.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        e.Property(t => t.CreatedByUserId).HasMaxLength(450);
    }
}

sealed class SignInEventConfiguration : IEntityTypeConfiguration<SignInEvent>
{
    public void Configure(EntityTypeBuilder<SignInEvent> e)
    {
        e.ToTable("SignInEvents");
        e.Property(s => s.Method).HasMaxLength(200);
        e.Property(s => s.Detail).HasMaxLength(200);
        e.HasIndex(s => new { s.UserId, s.At });
        e.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class AuthSettingConfiguration : IEntityTypeConfiguration<AuthSetting>
{
    public void Configure(EntityTypeBuilder<AuthSetting> e)
    {
        e.ToTable("Settings");
        e.HasKey(s => s.Key);
        e.Property(s => s.Key).HasMaxLength(100);
        e.Property(s => s.Value).HasMaxLength(2000);
    }
}
