namespace MagLearn.Soak;

/// <summary>One step of a walk: what the person types, and what the bot's first message in reply must contain.</summary>
public readonly record struct WalkStep(string Text, string Expect);

/// <summary>
/// A guided flow walked from its trigger to its end, step by step as dialogs/*.yaml defines it. Every step after
/// the first is answered in the state the previous steps left, so a reply that is not the next step's means the
/// conversation's state was lost or mixed up with another's. Each step is checked on the bot's first message in
/// reply, because that is all a Direct Line client waits for (it reads the stream until the first message that
/// answers its post): a resolution's "Did that solve it?" comes second, so it is never what a step expects.
/// </summary>
public sealed record FlowWalk(string Name, IReadOnlyList<WalkStep> Steps)
{
    /// <summary>Stands for a MAG user ID that only this conversation's walk types (see <see cref="Step"/>).</summary>
    private const string UserIdSlot = "{user-id}";

    /// <summary>
    /// login-assistance: a forgotten password, no company login, Forgot Password not tried yet, the resolution,
    /// and "yes, that solved it" (the load generator's flow turns, checked on each step's first message).
    /// </summary>
    public static readonly FlowWalk Login = new("login", [
        new("I forgot my password", "Login Using Company Credential"),
        new("no", "Have you tried **Forgot Password**"),
        new("not yet", "Choose **Forgot Password** on the MAG login page"),
        new("yes", "glad that sorted it out"),
    ]);

    /// <summary>
    /// organization-registration into support-handoff: the form fails at the captcha, the fix does not solve it,
    /// so the flow hands over to support-handoff, which asks for a user ID (typed), skips the Organization ID,
    /// takes a note and shows the case summary. The summary must quote the user ID typed three turns before: the
    /// values a flow saves, not just where it is, have to come back intact, and belong to this conversation.
    /// </summary>
    public static readonly FlowWalk RegistrationToSupport = new("registration to support", [
        new("I need to register my company in MAG", "Where are you with registering your organization?"),
        new("registration form", "What is the form doing?"),
        new("captcha", "Captcha problems and issues on the older Register Now form"),
        new("no", "get you to a person who can look into it"),
        new("yes", "What is your MAG user ID"),
        new(UserIdSlot, "And your Organization ID"),
        new("skip", "Anything else support should know"),
        new("error 2035 on the login page", $"**{UserIdSlot}**"),
    ]);

    public static readonly IReadOnlyList<FlowWalk> All = [Login, RegistrationToSupport];

    public WalkStep Step(int index, string userId) =>
        new(Steps[index].Text.Replace(UserIdSlot, userId), Steps[index].Expect.Replace(UserIdSlot, userId));
}
