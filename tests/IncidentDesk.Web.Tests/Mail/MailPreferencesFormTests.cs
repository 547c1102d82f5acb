using IncidentDesk.Core.Mail;
using IncidentDesk.Web.Features.Mail;
using IncidentDesk.Web.Features.Mail.Preferences;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;

namespace IncidentDesk.Web.Tests.Mail;

/// <summary>The mail preferences a person chooses: labelled choices, the note on what is always sent, saving only a change.</summary>
public sealed class MailPreferencesFormTests : MudComponentTestBase
{
    private MailPreferences? _saved;

    private IRenderedComponent<MailPreferencesForm> Render(MailDelivery delivery = MailDelivery.Immediate) =>
        RenderWithMud<MailPreferencesForm>(p => p
            .Add(c => c.Value, new MailPreferences(delivery, MailCultures.Portuguese))
            .Add(c => c.Save, EventCallback.Factory.Create<MailPreferences>(this, value => _saved = value)));

    [Fact]
    public void The_three_choices_are_named_in_portuguese_under_one_legend_and_what_is_always_sent_is_said()
    {
        var form = Render();

        Assert.Equal("Avisos de campanha, lembretes e resumos", form.Find("legend").TextContent.Trim());
        var labels = form.FindAll("label.mud-radio").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(["Na hora", "Resumo diário", "Nenhum"], labels);
        Assert.Contains("Convites e alertas de prazo da LGPD são sempre enviados", form.Find("[data-testid=mail-always-sent]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Idioma dos e-mails", form.Markup, StringComparison.Ordinal);
        Assert.True(form.Find("[data-testid=mail-preferences-save]").HasAttribute("disabled"));
    }

    [Fact]
    public void Choosing_the_daily_digest_enables_saving_and_saves_that_choice()
    {
        var form = Render();

        form.Find("input[data-testid=mail-delivery-DailyDigest]").Click();
        var save = form.Find("[data-testid=mail-preferences-save]");
        Assert.False(save.HasAttribute("disabled"));
        save.Click();

        Assert.Equal(new MailPreferences(MailDelivery.DailyDigest, MailCultures.Portuguese), _saved);
    }

    [Fact]
    public void A_person_who_stopped_the_mail_sees_that_choice_selected()
    {
        var form = Render(MailDelivery.Off);

        Assert.True(form.Find("input[data-testid=mail-delivery-Off]").HasAttribute("checked"));
    }
}
