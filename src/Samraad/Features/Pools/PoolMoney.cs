namespace Samraad.Features.Pools;

/// <summary>Amounts as Danish readers expect them: "600 mio. kr.", "1,5 mia. kr.", "45,5 mio. kr." (also for amounts given in 1.000 kr.).</summary>
public static class PoolMoney
{
    public static string Kroner(long ore)
    {
        var kr = ore / 100m;
        return kr >= 1_000_000_000m ? $"{(kr / 1_000_000_000m).ToString("0.##", DanishTime.Culture)} mia. kr."
            : kr >= 1_000_000m ? $"{(kr / 1_000_000m).ToString("0.##", DanishTime.Culture)} mio. kr."
            : $"{kr.ToString("N0", DanishTime.Culture)} kr.";
    }

    public static string Thousands(long thousands) => Allocation.T(thousands);
}
