using IncidentDesk.Core.Incidents;

namespace IncidentDesk.Core.Tests.Incidents;

public sealed class KeyFigureHistoryTests
{
    /// <summary>The researchers' figure from the reference incident.</summary>
    private static readonly KeyFigureSnapshot Intercepted = new(
        Label: "Mensagens interceptadas",
        Value: 140000m,
        Unit: "mensagens",
        Status: FigureStatus.Claimed,
        Source: "Relatório dos pesquisadores",
        AsOf: new DateOnly(2026, 4, 7),
        Note: "Mais de 140 mil, segundo os pesquisadores.");

    [Fact]
    public void An_unchanged_figure_has_no_changes()
    {
        Assert.Empty(KeyFigureHistory.Changes(Intercepted, Intercepted with { }));
    }

    [Theory]
    [InlineData("140000", "140000.00")]
    [InlineData("140000.0", "140000")]
    [InlineData("2.5", "2.50")]
    [InlineData("0", "0.000")]
    public void Values_are_compared_as_numbers_not_as_written(string before, string after)
    {
        var a = Intercepted with { Value = decimal.Parse(before, System.Globalization.CultureInfo.InvariantCulture) };
        var b = Intercepted with { Value = decimal.Parse(after, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Empty(KeyFigureHistory.Changes(a, b));
    }

    [Fact]
    public void A_changed_value_is_reported_without_trailing_zeros()
    {
        var revised = Intercepted with { Value = 14000000.00m };

        KeyFigureChange change = Assert.Single(KeyFigureHistory.Changes(Intercepted with { Value = 140000.00m }, revised));

        Assert.Equal(new KeyFigureChange(KeyFigureField.Value, "140000", "14000000"), change);
    }

    [Fact]
    public void Every_field_changed_is_reported_in_field_order_with_before_and_after()
    {
        var after = new KeyFigureSnapshot(
            Label: "Mensagens possivelmente expostas",
            Value: 14000000.5m,
            Unit: "msgs",
            Status: FigureStatus.Disputed,
            Source: "Nota do sistema cooperativo",
            AsOf: new DateOnly(2026, 4, 9),
            Note: null);

        IReadOnlyList<KeyFigureChange> changes = KeyFigureHistory.Changes(Intercepted, after);

        Assert.Equal(
            [
                new KeyFigureChange(KeyFigureField.Label, "Mensagens interceptadas", "Mensagens possivelmente expostas"),
                new KeyFigureChange(KeyFigureField.Value, "140000", "14000000.5"),
                new KeyFigureChange(KeyFigureField.Unit, "mensagens", "msgs"),
                new KeyFigureChange(KeyFigureField.Status, "Claimed", "Disputed"),
                new KeyFigureChange(KeyFigureField.Source, "Relatório dos pesquisadores", "Nota do sistema cooperativo"),
                new KeyFigureChange(KeyFigureField.AsOf, "2026-04-07", "2026-04-09"),
                new KeyFigureChange(KeyFigureField.Note, "Mais de 140 mil, segundo os pesquisadores.", null),
            ],
            changes);
    }

    public static TheoryData<KeyFigureField> EveryField() => new(Enum.GetValues<KeyFigureField>());

    [Theory]
    [MemberData(nameof(EveryField))]
    public void Changing_one_field_reports_that_field_only(KeyFigureField field)
    {
        KeyFigureSnapshot after = field switch
        {
            KeyFigureField.Label => Intercepted with { Label = "Outro rótulo" },
            KeyFigureField.Value => Intercepted with { Value = 140001m },
            KeyFigureField.Unit => Intercepted with { Unit = "registros" },
            KeyFigureField.Status => Intercepted with { Status = FigureStatus.Confirmed },
            KeyFigureField.Source => Intercepted with { Source = "Imprensa" },
            KeyFigureField.AsOf => Intercepted with { AsOf = new DateOnly(2026, 4, 8) },
            KeyFigureField.Note => Intercepted with { Note = "Nota revista." },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        KeyFigureChange change = Assert.Single(KeyFigureHistory.Changes(Intercepted, after));
        Assert.Equal(field, change.Field);
        Assert.NotEqual(change.Before, change.After);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData(null, "   ")]
    [InlineData("", "\t\n")]
    [InlineData(" ", null)]
    public void An_absent_note_and_a_blank_note_are_the_same(string? before, string? after)
    {
        Assert.Empty(KeyFigureHistory.Changes(Intercepted with { Note = before }, Intercepted with { Note = after }));
    }

    [Fact]
    public void Adding_a_note_where_there_was_none_is_a_change_from_null()
    {
        KeyFigureChange change = Assert.Single(
            KeyFigureHistory.Changes(Intercepted with { Note = "  " }, Intercepted with { Note = "Contestado." }));

        Assert.Equal(new KeyFigureChange(KeyFigureField.Note, null, "Contestado."), change);
    }

    [Fact]
    public void Texts_compare_exactly_so_a_capital_letter_is_a_change()
    {
        KeyFigureChange change = Assert.Single(
            KeyFigureHistory.Changes(Intercepted, Intercepted with { Label = "Mensagens Interceptadas" }));

        Assert.Equal(KeyFigureField.Label, change.Field);
    }

    [Fact]
    public void A_snapshot_of_an_entity_ignores_id_and_sort_order()
    {
        var first = new KeyFigure { Id = 1, IncidentId = 7, Label = "Titulares", Value = 3m, Unit = "pessoas", Source = "Cooperativa", SortOrder = 0 };
        var moved = new KeyFigure { Id = 2, IncidentId = 8, Label = "Titulares", Value = 3.0m, Unit = "pessoas", Source = "Cooperativa", SortOrder = 5 };

        Assert.Empty(KeyFigureHistory.Changes(KeyFigureSnapshot.Of(first), KeyFigureSnapshot.Of(moved)));
    }

    [Fact]
    public void A_snapshot_copies_every_recorded_field()
    {
        var figure = new KeyFigure
        {
            Label = "Mensagens", Value = 14000000m, Unit = "mensagens", Status = FigureStatus.Estimated,
            Source = "Pesquisadores", AsOf = new DateOnly(2026, 4, 7), Note = "Estimativa mínima.",
        };

        Assert.Equal(
            new KeyFigureSnapshot("Mensagens", 14000000m, "mensagens", FigureStatus.Estimated, "Pesquisadores", new DateOnly(2026, 4, 7), "Estimativa mínima."),
            KeyFigureSnapshot.Of(figure));
    }

    [Theory]
    [InlineData("140000.00", "140000")]
    [InlineData("0.50", "0.5")]
    [InlineData("-3.10", "-3.1")]
    [InlineData("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    public void FormatValue_is_invariant_and_drops_trailing_zeros(string value, string expected)
    {
        decimal parsed = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, KeyFigureHistory.FormatValue(parsed));
    }

    [Fact]
    public void FormatValue_ignores_the_current_culture()
    {
        System.Globalization.CultureInfo saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("pt-BR");
            Assert.Equal("1234567.5", KeyFigureHistory.FormatValue(1234567.50m));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Null_arguments_throw()
    {
        Assert.Throws<ArgumentNullException>(() => KeyFigureHistory.Changes(null!, Intercepted));
        Assert.Throws<ArgumentNullException>(() => KeyFigureHistory.Changes(Intercepted, null!));
        Assert.Throws<ArgumentNullException>(() => KeyFigureSnapshot.Of(null!));
    }
}
