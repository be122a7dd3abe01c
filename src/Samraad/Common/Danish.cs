namespace Samraad.Common;

/// <summary>Danish words that depend on a number: "1 åben opgave", "3 åbne opgaver".</summary>
public static class Danish
{
    /// <summary>The count with the singular or plural form, the number written the Danish way (1.234).</summary>
    public static string Count(int n, string one, string many) => $"{n.ToString("N0", DanishTime.Culture)} {(n == 1 ? one : many)}";
}
