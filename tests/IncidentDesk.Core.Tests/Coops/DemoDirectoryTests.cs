using System.Text.RegularExpressions;

using IncidentDesk.Core.Coops;

namespace IncidentDesk.Core.Tests.Coops;

public sealed partial class DemoDirectoryTests
{
    private static readonly IReadOnlyList<Federation> Federations = DemoDirectory.Build();
    private static readonly Coop[] Coops = [.. Federations.SelectMany(f => f.Coops)];

    [Fact]
    public void HasExactly340Coops()
    {
        Assert.Equal(DemoDirectory.CoopCount, Coops.Length);
        Assert.Equal(340, Coops.Length);
    }

    [Fact]
    public void HasOneFederationPerUfOrderedByUf()
    {
        string[] expected = [.. BrazilianStates.All.Select(s => s.Uf).Order(StringComparer.Ordinal)];

        Assert.Equal(27, Federations.Count);
        Assert.Equal(expected, Federations.Select(f => f.Uf));
        Assert.All(Federations, f => Assert.Equal($"FED-{f.Uf}", f.Code));
    }

    [Fact]
    public void EveryUfHasAtLeastThreeCoops()
    {
        Assert.All(Federations, f => Assert.True(f.Coops.Count >= 3, $"{f.Uf} has {f.Coops.Count}"));
    }

    [Fact]
    public void CoopsBelongToTheirFederationsUfAndAreOrderedByCode()
    {
        foreach (Federation federation in Federations)
        {
            Assert.All(federation.Coops, c => Assert.Equal(federation.Uf, c.Uf));
            Assert.All(federation.Coops, c => Assert.StartsWith(federation.Uf + "-", c.Code, StringComparison.Ordinal));
            Assert.Equal(federation.Coops.Select(c => c.Code).Order(StringComparer.Ordinal), federation.Coops.Select(c => c.Code));
            Assert.Equal(federation.Coops.Count, federation.Coops.Select(c => c.City).Distinct(StringComparer.Ordinal).Count());
            Assert.Contains(federation.Coops, c => c.City == BrazilianStates.Find(federation.Uf)!.Capital);
        }
    }

    [Fact]
    public void CodesFollowTheUfSequencePattern()
    {
        Assert.All(Coops, c => Assert.Matches(CodePattern(), c.Code));
        Assert.Equal(Coops.Length, Coops.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("SP-001", Federations.Single(f => f.Uf == "SP").Coops[0].Code);
    }

    [Fact]
    public void CnpjsAreValidHeadOfficesAndUnique()
    {
        Assert.All(Coops, c => Assert.True(Cnpj.IsValid(c.Cnpj), c.Cnpj));
        Assert.All(Coops, c => Assert.Equal(14, c.Cnpj.Length));
        Assert.All(Coops, c => Assert.Equal("0001", c.Cnpj[8..12]));
        Assert.Equal(Coops.Length, Coops.Select(c => c.Cnpj).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void SaoPauloHoldsTheMostThenMinasGerais()
    {
        Federation[] bySize = [.. Federations.OrderByDescending(f => f.Coops.Count)];

        Assert.Equal("SP", bySize[0].Uf);
        Assert.Equal("MG", bySize[1].Uf);
        Assert.True(bySize[1].Coops.Count > bySize[2].Coops.Count);
    }

    [Theory]
    [InlineData("SP", "RR")]
    [InlineData("MG", "RJ")]
    [InlineData("RJ", "BA")]
    [InlineData("BA", "PR")]
    [InlineData("PE", "SE")]
    [InlineData("AC", "RR")]
    public void MorePopulousUfsGetAtLeastAsManyCoops(string larger, string smaller)
    {
        Assert.True(CountOf(larger) >= CountOf(smaller), $"{larger}={CountOf(larger)} {smaller}={CountOf(smaller)}");
    }

    [Fact]
    public void IsDeterministic()
    {
        Coop[] again = [.. DemoDirectory.Build().SelectMany(f => f.Coops)];

        Assert.Equal(Coops.Select(Fingerprint), again.Select(Fingerprint));
        Assert.NotSame(Coops[0], again[0]);
    }

    [Fact]
    public void NamesAreSyntheticAndUnique()
    {
        Assert.All(Coops, c => Assert.DoesNotContain("Unimed", c.Name, StringComparison.OrdinalIgnoreCase));
        Assert.All(Federations, f => Assert.DoesNotContain("Unimed", f.Name, StringComparison.OrdinalIgnoreCase));
        Assert.All(Coops, c => Assert.Equal($"CoopSaúde {c.City}", c.Name));
        Assert.Equal(Coops.Length, Coops.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("SP", "Federação CoopSaúde de São Paulo")]
    [InlineData("BA", "Federação CoopSaúde da Bahia")]
    [InlineData("RJ", "Federação CoopSaúde do Rio de Janeiro")]
    [InlineData("MG", "Federação CoopSaúde de Minas Gerais")]
    [InlineData("DF", "Federação CoopSaúde do Distrito Federal")]
    [InlineData("PB", "Federação CoopSaúde da Paraíba")]
    [InlineData("AL", "Federação CoopSaúde de Alagoas")]
    [InlineData("AM", "Federação CoopSaúde do Amazonas")]
    [InlineData("MT", "Federação CoopSaúde de Mato Grosso")]
    [InlineData("MS", "Federação CoopSaúde de Mato Grosso do Sul")]
    public void FederationNamesUseTheRightPreposition(string uf, string expected)
    {
        Assert.Equal(expected, Federations.Single(f => f.Uf == uf).Name);
    }

    [Fact]
    public void EmailsAreWellFormedUniqueAndReserved()
    {
        Assert.All(Coops, c => Assert.Matches(EmailPattern(), c.EncarregadoEmail));
        Assert.All(Coops, c => Assert.Equal($"encarregado@{c.Code.ToLowerInvariant()}.coopsaude.example", c.EncarregadoEmail));
        Assert.Equal(Coops.Length, Coops.Select(c => c.EncarregadoEmail).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("SP", "11")]
    [InlineData("RJ", "21")]
    [InlineData("MG", "31")]
    [InlineData("DF", "61")]
    [InlineData("BA", "71")]
    [InlineData("AM", "92")]
    public void PhonesUseTheUfAreaCode(string uf, string ddd)
    {
        Assert.All(Federations.Single(f => f.Uf == uf).Coops,
            c => Assert.StartsWith($"+55 {ddd} 3", c.EncarregadoPhone, StringComparison.Ordinal));
    }

    [Fact]
    public void EncarregadoAndFlagsAreFilled()
    {
        Assert.All(Coops, c => Assert.Matches(PhonePattern(), c.EncarregadoPhone));
        Assert.All(Coops, c => Assert.True(c.EncarregadoName.Split(' ').Length >= 3, c.EncarregadoName));
        Assert.All(Coops, c => Assert.True(c.IsActive));
        Assert.All(Coops, c => Assert.False(c.IsSmallProcessingAgent));
        Assert.All(Coops, c => Assert.Equal(0, c.Id));
        Assert.All(Coops, c => Assert.Equal(0, c.FederationId));
    }

    private static int CountOf(string uf) => Federations.Single(f => f.Uf == uf).Coops.Count;

    private static string Fingerprint(Coop c) =>
        $"{c.Code}|{c.Name}|{c.Cnpj}|{c.City}|{c.EncarregadoName}|{c.EncarregadoEmail}|{c.EncarregadoPhone}";

    [GeneratedRegex("^[A-Z]{2}-[0-9]{3}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[a-z0-9._-]+@[a-z0-9-]+(\\.[a-z0-9-]+)*\\.example$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex("^\\+55 [1-9][0-9] 3[0-9]{3}-[0-9]{4}$")]
    private static partial Regex PhonePattern();
}
