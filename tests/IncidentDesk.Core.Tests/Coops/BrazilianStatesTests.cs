using IncidentDesk.Core.Coops;

namespace IncidentDesk.Core.Tests.Coops;

public sealed class BrazilianStatesTests
{
    private static readonly string[] AllUfs =
    [
        "AC", "AL", "AM", "AP", "BA", "CE", "DF", "ES", "GO", "MA", "MG", "MS", "MT", "PA",
        "PB", "PE", "PI", "PR", "RJ", "RN", "RO", "RR", "RS", "SC", "SE", "SP", "TO",
    ];

    [Fact]
    public void ListsTheTwentySevenFederativeUnitsInOrder()
    {
        Assert.Equal(AllUfs, BrazilianStates.All.Select(s => s.Uf));
    }

    [Fact]
    public void PopulationMatchesThe2022CensusTotal()
    {
        // IBGE, Censo 2022: 203,080,756 inhabitants.
        Assert.Equal(203_080_756L, BrazilianStates.All.Sum(s => (long)s.Population));
    }

    [Fact]
    public void EveryStateStartsWithItsCapitalAndHasDistinctCities()
    {
        foreach (BrazilianState state in BrazilianStates.All)
        {
            Assert.Equal(state.Capital, state.Cities[0]);
            Assert.Equal(state.Cities.Count, state.Cities.Distinct(StringComparer.Ordinal).Count());
            Assert.All(state.Cities, c => Assert.False(string.IsNullOrWhiteSpace(c)));
        }
    }

    [Fact]
    public void CityNamesAreUniqueAcrossStates()
    {
        string[] duplicates = BrazilianStates.All
            .SelectMany(s => s.Cities)
            .GroupBy(c => c, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToArray();

        Assert.Empty(duplicates);
    }

    [Theory]
    [InlineData("SP", "São Paulo", "São Paulo")]
    [InlineData("MG", "Minas Gerais", "Belo Horizonte")]
    [InlineData("DF", "Distrito Federal", "Brasília")]
    [InlineData("PA", "Pará", "Belém")]
    [InlineData("to", "Tocantins", "Palmas")]
    public void FindReturnsTheState(string uf, string name, string capital)
    {
        BrazilianState? state = BrazilianStates.Find(uf);

        Assert.NotNull(state);
        Assert.Equal(name, state.Name);
        Assert.Equal(capital, state.Capital);
        Assert.True(BrazilianStates.IsValidUf(uf));
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("S")]
    [InlineData("SPP")]
    [InlineData("")]
    [InlineData(null)]
    public void UnknownCodesAreRejected(string? uf)
    {
        Assert.Null(BrazilianStates.Find(uf));
        Assert.False(BrazilianStates.IsValidUf(uf));
    }
}
