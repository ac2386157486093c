namespace MagLearn.Bot.Conversation;

/// <summary>
/// The help areas offered on welcome and in the fallback. Each names the guided flow it opens and, for when a
/// flow is not available, a question the router answers from the Learn content.
/// </summary>
public static class HelpAreas
{
    public sealed record Area(string Title, string FlowId, string Question);

    public static readonly IReadOnlyList<Area> All =
    [
        new("Login help", "login-assistance", "I can't log in to MAG"),
        new("Change a user or company detail", "change-request", "change the organization administrator, email, company name or address"),
        new("Buy or renew a credential", "credential-purchase", "buy a one time password token or FIS certificate"),
        new("Register my organization", "organization-registration", "register my organization from a partner invitation"),
        new("Billing and invoices", "", "pay an Exostar invoice in the Billing and Support Center"),
        new("Talk to a person", "support-handoff", "contact Exostar customer support"),
    ];

    public static IReadOnlyList<Choice> AsChoices() =>
        All.Select(a => new Choice(a.Title, new Dictionary<string, string> { ["helpArea"] = a.Title })).ToList();

    public static Area? Find(string? title) =>
        All.FirstOrDefault(a => string.Equals(a.Title, title?.Trim(), StringComparison.OrdinalIgnoreCase));
}
