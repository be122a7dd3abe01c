using System.Globalization;
using System.Text;

namespace Samraad.Features.Contracts;

/// <summary>
/// The documented generator of "syntetiske demodata" for the contract: guidance cases from 1 January to the data
/// date and user evaluations, as CSV in the import formats, from a fixed seed. The rates are chosen so the demo
/// shows every status (some goals on track, some at risk); they are not estimates of the real hub.
/// </summary>
public static class ContractDemoData
{
    public static string Registrations(int seed, int year, DateOnly until, int count, IReadOnlyList<(int Code, long Population)> municipalities)
    {
        var random = new Random(seed);
        var sb = new StringBuilder(string.Join(",", ContractRows.RegistrationColumns) + "\n");
        var totalPopulation = municipalities.Sum(m => m.Population);
        var days = until.DayNumber - new DateOnly(year, 1, 1).DayNumber + 1;
        for (var i = 1; i <= count; i++)
        {
            var roll = random.NextDouble();
            var type = roll < 0.54 ? "kort forløb" : roll < 0.84 ? "handlingsplan" : "vækstplan";
            var hovedstaden = random.NextDouble() < 0.012;
            var municipality = hovedstaden ? 101 : Pick(random, municipalities, totalPopulation);
            var start = new DateOnly(year, 1, 1).AddDays(random.Next(days));
            var end = type == "kort forløb" ? start : start.AddDays(30 + random.Next(150));
            var themes = new List<string>();
            if (type != "kort forløb" && random.NextDouble() < 0.25) themes.Add("ESG/grøn forretning");
            if (random.NextDouble() < 0.018) themes.Add("AI-tjek");
            if (random.NextDouble() < 0.3) themes.Add("digitalisering");
            var referred = type switch { "handlingsplan" => random.NextDouble() < 0.72, "vækstplan" => random.NextDouble() < 0.78, _ => random.NextDouble() < 0.2 };
            sb.Append(string.Join(",", $"EHS-{year}-{i:D6}", Cvr(random), municipality, hovedstaden ? 1084 : 1085, type,
                start.ToString("yyyy-MM-dd"), end > until ? "" : end.ToString("yyyy-MM-dd"), string.Join(";", themes),
                referred ? "ja" : "nej", random.NextDouble() < 0.4 ? "ja" : "nej")).Append('\n');
        }
        return sb.ToString();
    }

    public static string Evaluations(int seed, int count)
    {
        var random = new Random(seed + 1);
        var sb = new StringBuilder(string.Join(",", ContractRows.EvaluationColumns) + "\n");
        for (var i = 0; i < count; i++)
        {
            var growth = random.NextDouble() < 0.35;
            var satisfaction = random.NextDouble() switch
            {
                < 0.03 => "Ved ikke", var r when r < (growth ? 0.78 : 0.84) => "Meget tilfreds", < 0.95 => "Tilfreds", < 0.98 => "Hverken/eller", _ => "Utilfreds",
            };
            var recommend = random.NextDouble() < 0.05 ? "" : (random.NextDouble() switch { < 0.76 => 9 + random.Next(2), < 0.94 => 7 + random.Next(2), _ => random.Next(7) }).ToString(CultureInfo.InvariantCulture);
            var effect = random.NextDouble() switch { < 0.71 => "I høj grad", < 0.9 => "I nogen grad", < 0.95 => "I lav grad", < 0.97 => "Slet ikke", _ => "Ved ikke" };
            var referral = random.NextDouble() switch { < 0.4 => "", < 0.7 => "Ja", < 0.76 => "Forventer inden for et halvt år", < 0.93 => "Nej", _ => "Ved ikke" };
            sb.Append(string.Join(",", Cvr(random), growth ? "vækst" : "drift", satisfaction, recommend, effect, random.NextDouble() < 0.3 ? "ja" : "nej", referral)).Append('\n');
        }
        return sb.ToString();
    }

    static int Pick(Random random, IReadOnlyList<(int Code, long Population)> municipalities, long total)
    {
        var target = (long)(random.NextDouble() * total);
        foreach (var (code, population) in municipalities)
        {
            if (target < population) return code;
            target -= population;
        }
        return municipalities[^1].Code;
    }

    /// <summary>A random CVR number that passes the modulus-11 check.</summary>
    public static string Cvr(Random random)
    {
        int[] weights = [2, 7, 6, 5, 4, 3, 2, 1];
        while (true)
        {
            var digits = new int[8];
            digits[0] = 1 + random.Next(9);
            for (var i = 1; i < 7; i++) digits[i] = random.Next(10);
            var sum = Enumerable.Range(0, 7).Sum(i => digits[i] * weights[i]);
            var check = (11 - sum % 11) % 11;
            if (check == 10) continue;
            digits[7] = check;
            return string.Concat(digits);
        }
    }
}
