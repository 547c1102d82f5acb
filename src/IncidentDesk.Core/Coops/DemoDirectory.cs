using System.Globalization;

namespace IncidentDesk.Core.Coops;

/// <summary>
/// The synthetic federation used for demos and tests: 340 local co-ops in 27 state federations.
/// No real co-op names, CNPJs or people: names are "CoopSaúde &lt;city&gt;", CNPJs are generated with valid
/// check digits, e-mails use the reserved ".example" TLD (RFC 2606). Deterministic: the same call gives
/// the same directory on every machine, so seeded databases and test expectations stay stable.
/// </summary>
public static class DemoDirectory
{
    public const int CoopCount = 340;

    /// <summary>A second-degree federation needs at least three local co-ops.</summary>
    public const int MinimumCoopsPerUf = 3;

    private const ulong Seed = 0x1C0_0B5A_0DE5_2026;

    // The capital's area code; co-ops outside the capital share it, which is good enough for demo data.
    private static readonly Dictionary<string, int> Ddd = new(StringComparer.Ordinal)
    {
        ["AC"] = 68, ["AL"] = 82, ["AM"] = 92, ["AP"] = 96, ["BA"] = 71, ["CE"] = 85, ["DF"] = 61,
        ["ES"] = 27, ["GO"] = 62, ["MA"] = 98, ["MG"] = 31, ["MS"] = 67, ["MT"] = 65, ["PA"] = 91,
        ["PB"] = 83, ["PE"] = 81, ["PI"] = 86, ["PR"] = 41, ["RJ"] = 21, ["RN"] = 84, ["RO"] = 69,
        ["RR"] = 95, ["RS"] = 51, ["SC"] = 48, ["SE"] = 79, ["SP"] = 11, ["TO"] = 63,
    };

    // "da Bahia", "do Rio de Janeiro", "de Minas Gerais": the article a UF name takes in Portuguese.
    // Mato Grosso and Mato Grosso do Sul take "de", as both state governments write it.
    private static readonly HashSet<string> Feminine = new(StringComparer.Ordinal) { "BA", "PB" };

    private static readonly HashSet<string> WithoutArticle = new(StringComparer.Ordinal)
    {
        "AL", "GO", "MG", "MS", "MT", "PE", "RO", "RR", "SC", "SE", "SP",
    };

    private static readonly string[] FirstNames =
    [
        "João", "Maria", "José", "Ana", "Antônio", "Francisca", "Conceição", "Luís", "Márcia", "Sebastião",
        "Fábio", "Letícia", "Cláudia", "Vinícius", "Júlia", "Lúcia", "Inês", "Raimundo", "Thaís", "Débora",
        "Mônica", "Célia", "André", "Sérgio", "Rogério", "Patrícia", "Bárbara", "Otávio", "Heloísa",
        "Vitória", "Natália", "Flávia", "Márcio", "Luíza", "Tânia", "Caio", "Beatriz", "Joaquim", "Simone",
        "Gustavo", "Renata", "Paulo", "Aparecida", "Cristóvão", "Valéria", "Rafael", "Adriana", "Fernão",
    ];

    private static readonly string[] Surnames =
    [
        "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes",
        "Ribeiro", "Carvalho", "Araújo", "Gonçalves", "Magalhães", "Simões", "Guimarães", "Brandão", "Falcão",
        "Romão", "Assunção", "Peixoto", "Mendonça", "Sá", "Câmara", "Damião", "Conceição", "Barbosa",
        "Cardoso", "Teixeira", "Nogueira", "Monteiro", "Moraes", "Antunes", "Vasconcelos", "Cavalcanti",
        "Bezerra", "Figueiredo", "Estêvão", "Aragão",
    ];

    /// <summary>
    /// Builds a fresh directory (new entity instances on every call, safe to hand to an ORM): one
    /// federation per UF ordered by UF, co-ops ordered by code, Ids left at 0.
    /// </summary>
    public static IReadOnlyList<Federation> Build()
    {
        var random = new SplitMix64(Seed);
        var cnpjs = new HashSet<string>(StringComparer.Ordinal);
        var phones = new HashSet<string>(StringComparer.Ordinal);
        Dictionary<string, int> counts = Allocate();
        var federations = new List<Federation>(BrazilianStates.All.Count);

        foreach (BrazilianState state in BrazilianStates.All.OrderBy(s => s.Uf, StringComparer.Ordinal))
        {
            int count = counts[state.Uf];
            if (count > state.Cities.Count)
            {
                throw new InvalidOperationException(
                    $"{state.Uf} needs {count} co-ops but lists only {state.Cities.Count} cities and regions.");
            }

            var federation = new Federation
            {
                Code = $"FED-{state.Uf}",
                Name = $"Federação CoopSaúde {Preposition(state.Uf)} {state.Name}",
                Uf = state.Uf,
            };

            for (int i = 0; i < count; i++)
            {
                string code = string.Create(CultureInfo.InvariantCulture, $"{state.Uf}-{i + 1:000}");
                string city = state.Cities[i];
                federation.Coops.Add(new Coop
                {
                    Code = code,
                    Name = $"CoopSaúde {city}",
                    Cnpj = NextCnpj(random, cnpjs),
                    Uf = state.Uf,
                    City = city,
                    EncarregadoName = NextPersonName(random),
                    EncarregadoEmail = $"encarregado@{code.ToLowerInvariant()}.coopsaude.example",
                    EncarregadoPhone = NextPhone(random, Ddd[state.Uf], phones),
                    IsActive = true,
                    IsSmallProcessingAgent = false,
                });
            }

            federations.Add(federation);
        }

        return federations;
    }

    /// <summary>
    /// Three co-ops per UF first (the legal minimum for a federation), then the remaining seats by
    /// population with the largest-remainder (Hamilton) method; ties go to the UF code, alphabetically.
    /// Integer arithmetic keeps the result identical on every platform.
    /// </summary>
    private static Dictionary<string, int> Allocate()
    {
        IReadOnlyList<BrazilianState> states = BrazilianStates.All;
        long seats = CoopCount - (MinimumCoopsPerUf * states.Count);
        long total = states.Sum(s => (long)s.Population);

        var shares = states
            .Select(s => (s.Uf, Quota: seats * s.Population / total, Remainder: seats * s.Population % total))
            .ToList();
        long leftOver = seats - shares.Sum(s => s.Quota);
        var bonus = shares
            .OrderByDescending(s => s.Remainder)
            .ThenBy(s => s.Uf, StringComparer.Ordinal)
            .Take((int)leftOver)
            .Select(s => s.Uf)
            .ToHashSet(StringComparer.Ordinal);

        return shares.ToDictionary(
            s => s.Uf,
            s => MinimumCoopsPerUf + (int)s.Quota + (bonus.Contains(s.Uf) ? 1 : 0),
            StringComparer.Ordinal);
    }

    private static string Preposition(string uf)
    {
        if (Feminine.Contains(uf))
        {
            return "da";
        }

        return WithoutArticle.Contains(uf) ? "de" : "do";
    }

    private static string NextCnpj(SplitMix64 random, HashSet<string> used)
    {
        while (true)
        {
            string root = random.Digits(8);
            if (root.All(c => c == root[0]))
            {
                continue;
            }

            string cnpj = Cnpj.Complete(root + "0001");
            if (used.Add(cnpj))
            {
                return cnpj;
            }
        }
    }

    private static string NextPersonName(SplitMix64 random)
    {
        string first = FirstNames[random.Next(FirstNames.Length)];
        string middle = Surnames[random.Next(Surnames.Length)];
        string last;
        do
        {
            last = Surnames[random.Next(Surnames.Length)];
        }
        while (string.Equals(last, middle, StringComparison.Ordinal));

        return $"{first} {middle} {last}";
    }

    // Landlines in Brazil are 8 digits starting 2–5; "3xxx-xxxx" is the common commercial range.
    private static string NextPhone(SplitMix64 random, int ddd, HashSet<string> used)
    {
        while (true)
        {
            string digits = random.Digits(7);
            string phone = string.Create(
                CultureInfo.InvariantCulture, $"+55 {ddd} 3{digits[..3]}-{digits[3..]}");
            if (used.Add(phone))
            {
                return phone;
            }
        }
    }

    /// <summary>
    /// SplitMix64: a tiny, fully specified generator. System.Random's seeded output is an implementation
    /// detail of the runtime; this one cannot drift between .NET versions.
    /// </summary>
    private sealed class SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public int Next(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

        public string Digits(int length)
        {
            Span<char> buffer = stackalloc char[length];
            for (int i = 0; i < length; i++)
            {
                buffer[i] = (char)('0' + Next(10));
            }

            return new string(buffer);
        }

        private ulong NextUInt64()
        {
            ulong z = _state += 0x9E37_79B9_7F4A_7C15;
            z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9;
            z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB;
            return z ^ (z >> 31);
        }
    }
}
