namespace Samraad.Auth;

/// <summary>
/// One OpenID Connect identity provider (a municipality's own, or MitID Erhverv through a broker), from
/// <c>Samraad:Sso:{key}</c>. Sign-in uses the authorization code flow with PKCE; the identity it returns is matched to
/// an account that was invited, by <see cref="MatchClaim"/>, and never creates an account or access by itself.
/// </summary>
public sealed class SingleSignOnProvider
{
    public const string Section = "Samraad:Sso";

    /// <summary>The key in configuration: the scheme is "sso-{key}", the callback /log-ind/sso/{key}/callback.</summary>
    public string Key { get; set; } = "";
    /// <summary>The button's text: "Log ind med {DisplayName}".</summary>
    public string DisplayName { get; set; } = "";
    /// <summary>The issuer URL; its /.well-known/openid-configuration gives the endpoints and the signing keys.</summary>
    public string Authority { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string? ClientSecret { get; set; }
    /// <summary>
    /// "email": the provider's verified e-mail address must be an account's address (an invited account counts as
    /// accepted on its first sign-in). Any other claim ("sub", "oid", a broker's unique id): the value must be linked to
    /// the account, which happens when the invitee accepts the invitation through this provider.
    /// </summary>
    public string MatchClaim { get; set; } = "email";
    /// <summary>
    /// The organisations (slugs, comma-separated) whose accounts this provider may sign in: a municipality's own
    /// provider vouches only for its own staff. Empty: every organisation (a national broker such as MitID Erhverv).
    /// </summary>
    public string Organisations { get; set; } = "";
    /// <summary>
    /// Matching by e-mail needs the id_token's email_verified to be true; a provider that never sends it but does
    /// verify every address (say so only then) is trusted with this.
    /// </summary>
    public bool TrustEmail { get; set; }
    /// <summary>Scopes beside "openid"; "email" is needed to match by e-mail.</summary>
    public string Scopes { get; set; } = "email profile";
    /// <summary>Also ask the userinfo endpoint for claims (some providers put the e-mail only there).</summary>
    public bool UserInfo { get; set; }
    /// <summary>Only false for a provider on loopback in tests or development: metadata must otherwise be fetched over HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
    /// <summary>
    /// The provider's own multi-factor sign-in replaces Samraad's authenticator code for accounts that have one (MitID
    /// Erhverv does). Roles that must use two-factor still need it set up in Samraad.
    /// </summary>
    public bool BypassTwoFactor { get; set; }

    public string Scheme => "sso-" + Key;
    public bool MatchesByEmail => MatchClaim == "email";
    public IReadOnlyList<string> OrganisationSlugs => Organisations.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The configured providers; a key may hold only letters, digits and "-" (it is part of a path).</summary>
    public static List<SingleSignOnProvider> From(IConfiguration config) =>
        config.GetSection(Section).GetChildren().Select(s =>
        {
            var p = s.Get<SingleSignOnProvider>() ?? new SingleSignOnProvider();
            p.Key = s.Key.ToLowerInvariant();
            if (string.IsNullOrWhiteSpace(p.DisplayName)) p.DisplayName = s.Key;
            return p;
        }).Where(p => p.Key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && p.Authority != "" && p.ClientId != "").ToList();
}
