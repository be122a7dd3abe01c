using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;
using Samraad.Data;

namespace Samraad.Operations;

/// <summary>Where the data-protection keys (they sign the session and antiforgery cookies) are kept, and how they are protected at rest.</summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "Samraad:KeyProtection";
    /// <summary>A certificate with private key that encrypts every key before it is stored: a .pfx/.p12 file, or a PEM file with <see cref="CertificateKey"/>.</summary>
    public string? Certificate { get; set; }
    /// <summary>The PEM private key of <see cref="Certificate"/> when that is a PEM file.</summary>
    public string? CertificateKey { get; set; }
    /// <summary>The .pfx file's password.</summary>
    public string? CertificatePassword { get; set; }
    /// <summary>Earlier certificates (comma-separated files, same password): keys they encrypted can still be read after a change of certificate.</summary>
    public string? PreviousCertificates { get; set; }
}

/// <summary>
/// On PostgreSQL the key ring is a table, so every node signs and reads the same cookies (a user signed in through
/// one node is known by the next); a node meeting a key it does not know reloads the ring. On SQLite there is one
/// node by definition and the keys stay files in the data directory, owner only. With a certificate configured each
/// key is encrypted with it before it is stored; without one a warning says the keys lie unencrypted.
/// </summary>
public static class KeyStorage
{
    public static void AddSamraadKeyStorage(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Samraad");
        services.AddOptions<KeyProtectionOptions>().BindConfiguration(KeyProtectionOptions.Section);
        // Configured when first used, not here: hosts and tests add configuration after registration.
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            var options = sp.GetRequiredService<SamraadOptions>();
            var logs = sp.GetRequiredService<ILoggerFactory>();
            o.XmlRepository = options.IsPostgres
                ? new EntityFrameworkCoreXmlRepository<PostgresAppDbContext>(sp, logs)
                : new OwnerOnlyFiles(PrivateFiles.Directory(Path.Combine(options.FullDataDir, "keys")), logs);
            var certificates = Certificates(sp.GetRequiredService<IOptions<KeyProtectionOptions>>().Value);
            if (certificates.Count > 0) o.XmlEncryptor = new CertificateEncryptor(new CertificateXmlEncryptor(certificates[0], logs));
            else if (options.IsPostgres)
                logs.CreateLogger(typeof(KeyStorage)).LogWarning("Nøglerne til log-ind-cookies gemmes ukrypteret i databasen. Angiv et certifikat i {Section}:Certificate.", KeyProtectionOptions.Section);
        }));
    }

    /// <summary>
    /// Reads the configured certificates now: run at start (before serving and before every verb that opens the
    /// database), so a wrong path or password stops the node with its reason instead of failing every sign-in later.
    /// </summary>
    public static void CheckCertificates(IServiceProvider services) =>
        Certificates(services.GetRequiredService<IOptions<KeyProtectionOptions>>().Value).ForEach(c => c.Dispose());

    /// <summary>The current certificate first, then the previous ones; a file that cannot be read stops the start with its name.</summary>
    internal static List<X509Certificate2> Certificates(KeyProtectionOptions o)
    {
        var files = new List<string>();
        if (!string.IsNullOrWhiteSpace(o.Certificate)) files.Add(o.Certificate);
        files.AddRange((o.PreviousCertificates ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return files.Select(f =>
        {
            try
            {
                var certificate = f.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".crt", StringComparison.OrdinalIgnoreCase)
                    ? X509Certificate2.CreateFromPemFile(f, f == o.Certificate ? o.CertificateKey : null)
                    : X509CertificateLoader.LoadPkcs12FromFile(f, o.CertificatePassword);
                return certificate.HasPrivateKey ? certificate
                    : throw new InvalidOperationException($"Certifikatet {f} har ingen privat nøgle; den skal bruges til at læse nøglerne.");
            }
            catch (System.Security.Cryptography.CryptographicException e)
            {
                throw new InvalidOperationException($"Certifikatet {f} kunne ikke læses ({e.Message}). Tjek {KeyProtectionOptions.Section}.", e);
            }
        }).ToList();
    }

    /// <summary>The key files, each readable by the owner only (0600) like the directory (0700).</summary>
    sealed class OwnerOnlyFiles(DirectoryInfo directory, ILoggerFactory logs) : IXmlRepository
    {
        readonly FileSystemXmlRepository files = new(directory, logs);

        public IReadOnlyCollection<XElement> GetAllElements() => files.GetAllElements();

        public void StoreElement(XElement element, string friendlyName)
        {
            files.StoreElement(element, friendlyName);
            if (OperatingSystem.IsWindows()) return;
            foreach (var file in directory.GetFiles("*.xml"))
                File.SetUnixFileMode(file.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>
    /// ASP.NET Core's certificate encryption, but decrypted by <see cref="CertificateDecryptor"/>: the framework's own
    /// decryptor finds the certificate only in the machine's certificate store unless it is given at registration,
    /// before the configuration that names it has been read.
    /// </summary>
    sealed class CertificateEncryptor(CertificateXmlEncryptor inner) : IXmlEncryptor
    {
        public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
            new(inner.Encrypt(plaintextElement).EncryptedElement, typeof(CertificateDecryptor));
    }
}

/// <summary>Decrypts a key encrypted for one of the configured certificates (the current or a previous one).</summary>
public sealed class CertificateDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var certificates = KeyStorage.Certificates(services.GetRequiredService<IOptions<KeyProtectionOptions>>().Value);
        if (certificates.Count == 0)
            throw new InvalidOperationException($"Nøglerne er krypteret med et certifikat, men {KeyProtectionOptions.Section}:Certificate er ikke angivet.");
        var document = new XmlDocument { PreserveWhitespace = true };
        document.Load(new XElement("root", encryptedElement).CreateReader());
        new WithCertificates(document, certificates).DecryptDocument();
        return XElement.Load(document.DocumentElement!.FirstChild!.CreateNavigator()!.ReadSubtree());
    }

    sealed class WithCertificates(XmlDocument document, List<X509Certificate2> certificates) : EncryptedXml(document)
    {
        public override byte[]? DecryptEncryptedKey(EncryptedKey encryptedKey)
        {
            foreach (var data in encryptedKey.KeyInfo.OfType<KeyInfoX509Data>())
                foreach (var named in data.Certificates?.OfType<X509Certificate2>() ?? [])
                    if (certificates.FirstOrDefault(c => c.Thumbprint == named.Thumbprint)?.GetRSAPrivateKey() is { } rsa)
                        return DecryptKey(encryptedKey.CipherData.CipherValue!, rsa, encryptedKey.EncryptionMethod?.KeyAlgorithm == XmlEncRSAOAEPUrl);
            return base.DecryptEncryptedKey(encryptedKey);
        }
    }
}
