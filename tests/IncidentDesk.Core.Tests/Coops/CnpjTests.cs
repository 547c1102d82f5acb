using IncidentDesk.Core.Coops;

namespace IncidentDesk.Core.Tests.Coops;

public sealed class CnpjTests
{
    [Theory]
    [InlineData("11.222.333/0001-81")]
    [InlineData("11222333000181")]
    [InlineData("11444777000161")]
    [InlineData("11.444.777/0001-61")]
    [InlineData("12.345.678/0001-95")]
    [InlineData("00.000.000/0001-91")] // Banco do Brasil, published
    [InlineData("33.000.167/0001-01")] // Petrobras, published; first check digit is 0 (remainder < 2)
    [InlineData(" 11222333000181 ")]
    public void AcceptsPublishedValidNumbers(string value)
    {
        Assert.True(Cnpj.IsValid(value));
    }

    [Theory]
    [InlineData("11.222.333/0001-82")] // second check digit changed
    [InlineData("11.222.333/0001-71")] // first check digit changed
    [InlineData("11222334000181")] // body digit changed
    [InlineData("1122233300018")] // 13 digits
    [InlineData("112223330001811")] // 15 digits
    [InlineData("00000000000000")] // passes mod 11, but repeated digits
    [InlineData("11111111111111")]
    [InlineData("99.999.999/9999-99")]
    [InlineData("1122233300018A")]
    [InlineData("AB.CDE.FGH/0001-81")]
    [InlineData("11.222.333.0001-81")] // wrong separator
    [InlineData("11-222-333/0001-81")]
    [InlineData("١١٢٢٢٣٣٣٠٠٠١٨١")] // Arabic-Indic digits are digits to char.IsDigit, not to the Receita
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void RejectsInvalidInput(string? value)
    {
        Assert.False(Cnpj.IsValid(value));
    }

    [Theory]
    [InlineData("112223330001", "11222333000181")]
    [InlineData("114447770001", "11444777000161")]
    [InlineData("123456780001", "12345678000195")]
    [InlineData("330001670001", "33000167000101")]
    public void CompleteAppendsMod11CheckDigits(string twelve, string expected)
    {
        Assert.Equal(expected, Cnpj.Complete(twelve));
    }

    [Theory]
    [InlineData("11222333000")]
    [InlineData("1122233300011")]
    [InlineData("11.222.333/0001")]
    [InlineData("11222333000X")]
    public void CompleteRejectsAnythingButTwelveDigits(string value)
    {
        Assert.Throws<ArgumentException>(() => Cnpj.Complete(value));
    }

    [Theory]
    [InlineData("11222333000181", "11.222.333/0001-81")]
    [InlineData("12345678000195", "12.345.678/0001-95")]
    [InlineData("12.345.678/0001-95", "12.345.678/0001-95")]
    public void FormatAppliesTheMask(string value, string expected)
    {
        Assert.Equal(expected, Cnpj.Format(value));
    }

    [Theory]
    [InlineData("1122233300018")]
    [InlineData("112223330001810")]
    [InlineData("")]
    public void FormatRejectsWrongLength(string value)
    {
        Assert.Throws<ArgumentException>(() => Cnpj.Format(value));
    }

    [Theory]
    [InlineData("11.222.333/0001-81", "11222333000181")]
    [InlineData("11222333000181", "11222333000181")]
    [InlineData(" 12.345.678/0001-95\n", "12345678000195")]
    [InlineData("", "")]
    public void NormalizeKeepsDigitsOnly(string value, string expected)
    {
        Assert.Equal(expected, Cnpj.Normalize(value));
    }

    [Theory]
    [InlineData("11222333000181")]
    [InlineData("11444777000161")]
    [InlineData("33000167000101")]
    public void FormatAndNormalizeRoundTrip(string digits)
    {
        string formatted = Cnpj.Format(digits);

        Assert.Equal(digits, Cnpj.Normalize(formatted));
        Assert.True(Cnpj.IsValid(formatted));
        Assert.Equal(formatted, Cnpj.Format(Cnpj.Normalize(formatted)));
    }

    [Fact]
    public void NullArgumentsThrow()
    {
        Assert.Throws<ArgumentNullException>(() => Cnpj.Normalize(null!));
        Assert.Throws<ArgumentNullException>(() => Cnpj.Format(null!));
        Assert.Throws<ArgumentNullException>(() => Cnpj.Complete(null!));
    }
}
