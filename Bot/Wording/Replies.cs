namespace MagLearn.Bot.Wording;

/// <summary>
/// Everything the bot says in its own words, in one place so it reads as one voice and can be had in another
/// language by replacing this file's text. What a flow says is in its dialog file; what the Learn pages say is the
/// content's. Markdown where the channel shows it.
/// </summary>
public static class Replies
{
    // Welcome, help and small talk.

    public const string Welcome =
        "Hi, I'm **MagLearn Bot**, the automated help assistant for Exostar's Managed Access Gateway (MAG). " +
        "I'm not a person, but I know the MAG Learn guides: logging in, passwords and security questions, first login, " +
        "organization invitations, credentials such as One Time Passwords and FIS certificates, invoices and change requests.\n\n" +
        "Pick an area below or just type your question. I will never ask for your password.";

    /// <summary>The welcome in a Teams team or group chat, where people mention the bot to ask it.</summary>
    public const string TeamsGroupIntro =
        "Hi, I'm MagLearn Bot, an automated assistant (not a person) for Exostar's Managed Access Gateway (MAG). " +
        "Mention me with your question, for example \"@MagLearn Bot how do I reset my password?\", and I'll answer from the MAG Learn guides.";

    public const string Greeting = "Hello! What can I help you with in MAG today? You can pick an area or type a question.";

    public const string Thanks = "You're welcome! Is there anything else I can help with?";

    public const string Goodbye = "Thanks for stopping by. If you need help with MAG again, I'm here.";

    public const string Help =
        "I answer questions about Exostar's Managed Access Gateway (MAG) from its Learn guides and cite the page I used. " +
        "Type a question in your own words, for example \"how do I reset my password?\" or \"what payment methods are accepted?\", " +
        "or pick an area below. Say \"talk to a person\" at any time to reach Exostar Customer Support.";

    // Answers from the Learn pages.

    public const string Fallback =
        "Sorry, I don't know the answer to that one. I can only help with Exostar's Managed Access Gateway (MAG). " +
        "Pick one of these topics, rephrase your question, or ask to talk to a person.";

    public const string DidYouMean = "I found a few topics that could match. Did you mean:";

    public const string PassageGone = "That topic is no longer in the Learn guides. Please ask your question again.";

    public static string ReadMore(string pageTitle, string link) => $"Read more: [{pageTitle}]({link})";

    // "Did this help?" after an answer.

    public const string DidThisHelp = "Did this help?";
    public const string ItHelped = "Yes, it helped";
    public const string ItDidNot = "No";
    public const string GladItHelped = "Glad it helped. Is there anything else I can help with?";
    public const string TryThisInstead = "Sorry about that. This part of the guides may fit better:";
    public const string StillNotIt = "Still not it?";
    public const string NothingBetter = "Sorry I couldn't help with that one. Would you like to talk to a person, or pick a topic?";

    public static string Source(string name, string link) => $"Source: [{name}]({link})";

    // Buttons and how they read where a channel has none.

    public const string Yes = "Yes";
    public const string No = "No";

    public const string NumberedChoicesHint = "Reply with a number or the words of a choice.";

    // Guided flows: what every flow says the same way.

    public const string Closing = "Great, I'm glad that sorted it out. If anything else comes up, just ask.";
    public const string NotSolved = "Sorry that didn't solve it. Let's get you to a person who can look into it.";
    public const string GettingAPerson = "Sure, let's get you to a person.";
    public const string StartingOver = "OK, let's start over.";
    public const string SecretRefused = "That looks like a password or a code. I never need those, so I haven't kept it, and please don't share it with anyone.";
    public const string SecretLeftOut = "I've left out what looked like a password or code; I never need those.";
    public const string Stuck = "I'm having trouble understanding that answer, so let's not go round in circles. Would you like help with this question, to talk to a person, or to stop here?";
    public const string HelpWithThisQuestion = "Help with this question";
    public const string TalkToAPerson = "Talk to a person";
    public const string Cancel = "Cancel";
    public static readonly IReadOnlyList<string> StuckChoices = [HelpWithThisQuestion, TalkToAPerson, Cancel];
    public static readonly IReadOnlyList<string> YesNo = [Yes, No];
    public const string BackToWhereWeWere = "Back to where we were: ";
    public const string CarryOn = "OK, let's carry on. ";
    public const string AlreadyOnThat = "We're already on that. ";
    public const string EarlierQuestionsButton = "That button was for an earlier question, so I've left your answer there as it was. ";
    public const string FinishedQuestionsButton = "That button was for a question we've already finished. If you need anything else, just ask.";

    public static string Stopped(string flowTitle) => $"OK, I've stopped **{flowTitle}**. If you need anything else, just ask.";

    public static string OfferSwitch(string otherFlow, string currentFlow) => $"That sounds like a different topic. Switch to **{otherFlow}**? (We'd stop {currentFlow}.)";

    public static string Switching(string flowTitle) => $"OK, switching to **{flowTitle}**.";

    /// <summary>What "stopped" calls a flow whose title is unknown.</summary>
    public const string ThatFlow = "that";

    public const string DidThatSolveIt = "Did that solve it?";
    public const string DidThatSolveItHelp = "Tell me **yes** if you're sorted, or **no** and I'll put together a summary and get you to a person.";

    public const string ChoiceHelp = "I'm asking so I can take you straight to the fix for your case. Pick the option closest to what's happening: tap it, type its number, or say it in your own words.";
    public const string YesNoHelp = "Just answer yes or no; it decides which fix fits your case.";
    public const string AnytimeCommands = "You can also say \"start over\", \"cancel\" or \"talk to a person\" at any time.";
    public const string SkipIfYouRather = " If you'd rather not say, type skip.";
    public const string OrSkip = " Or type skip.";
    public const string ChoiceNotUnderstood = "Sorry, I didn't catch which one you meant. Tap an option, type its number, or use its words.";
    public const string YesNoNotUnderstood = "Sorry, I need a yes or a no for this one.";

    // Typed answers: what each expectation asks for when an answer does not pass.

    public const string EmailHint = "That doesn't look like an email address. Please type it like name@company.com.";
    public const string UserIdHint = "That doesn't look like a MAG user ID. User IDs are your last name, your first initial, an underscore and four digits, for example smithj_1234.";
    public const string UserIdOrEmailHint = "Please type your MAG user ID (like smithj_1234) or the email address on your account (like name@company.com).";
    public const string OrganizationIdHint = "That doesn't look like an Organization ID. It is a short code of letters and digits shown under My Account, View Organization Details.";
    public const string TextHint = "Please type a short answer in your own words.";

    // A hand-off's case summary, as the person and Exostar Customer Support read it.

    public const string CaseSummaryTitle = "**Case summary**";
    public const string CaseReferenceLabel = "Reference";
    public const string CaseTopic = "Topic";
    public const string CaseWhy = "Why";
    public const string CaseInYourWords = "In your words";
    public const string AskedForAPerson = "Asked for a person";
    public const string FixDidNotSolveIt = "The suggested fix did not solve it";
    public const string Skipped = "(skipped)";

    public static string NeedsSupport(string flowTitle) => $"{flowTitle} needs Exostar Customer Support for this case";

    // When something goes wrong.

    public const string NeedText = "I can read text messages only. Please type your question.";
    public const string StillBusy = "I'm still working on your previous message. Please wait for my answer, then send this one again if you still need to.";
    public const string SomethingWentWrong = "Sorry, something went wrong on my side. Please try again, or type \"talk to a person\".";
}
