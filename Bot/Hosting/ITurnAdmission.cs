using Microsoft.Bot.Schema;

namespace MagLearn.Bot.Hosting;

/// <summary>
/// May an authenticated activity have its turn now? Asked by <c>/api/messages</c> after the token is checked and
/// before the turn: a part above the edge (the conversation's rate limit) answers, so the edge needs to know none.
/// </summary>
public interface ITurnAdmission
{
    /// <summary>Null to let the turn run, or how long the caller should wait before trying again.</summary>
    TimeSpan? TryAdmit(Activity activity);
}
