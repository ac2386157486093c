namespace MagLearn.Bot.Flows.Definition;

/// <summary>
/// What a typed answer can be held to: the names a step may give in <c>expect:</c>. They are words of the flow
/// files' language, checked when a flow loads; <c>Prompts/AnswerValidators</c> says what each one accepts.
/// </summary>
public static class Expectations
{
    public const string Email = "email";
    public const string UserId = "user-id";
    public const string UserIdOrEmail = "user-id-or-email";
    public const string OrganizationId = "organization-id";
    public const string Text = "text";

    public static IReadOnlyList<string> Names { get; } = [Email, UserId, UserIdOrEmail, OrganizationId, Text];

    public static bool Exists(string name) => Names.Contains(name);
}
