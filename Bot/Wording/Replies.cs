namespace MagLearn.Bot.Wording;

/// <summary>The bot's own words, in one place so they read as one voice.</summary>
public static class Replies
{
    public const string Welcome =
        "Hi, I'm **MagLearn Bot**, the automated help assistant for Exostar's Managed Access Gateway (MAG). " +
        "I'm not a person, but I know the MAG Learn guides: logging in, passwords and security questions, first login, " +
        "organization invitations, credentials such as One Time Passwords and FIS certificates, invoices and change requests.\n\n" +
        "Pick an area below or just type your question. I will never ask for your password.";

    public const string Fallback =
        "Sorry, I don't know the answer to that one. I can only help with Exostar's Managed Access Gateway (MAG). " +
        "Pick one of these topics, rephrase your question, or ask to talk to a person.";

    public const string DidYouMean = "I found a few topics that could match. Did you mean:";

    public const string Greeting = "Hello! What can I help you with in MAG today? You can pick an area or type a question.";

    public const string Thanks = "You're welcome! Is there anything else I can help with?";

    public const string Goodbye = "Thanks for stopping by. If you need help with MAG again, I'm here.";

    public const string Help =
        "I answer questions about Exostar's Managed Access Gateway (MAG) from its Learn guides and cite the page I used. " +
        "Type a question in your own words, for example \"how do I reset my password?\" or \"what payment methods are accepted?\", " +
        "or pick an area below. Say \"talk to a person\" at any time to reach Exostar Customer Support.";

    public const string PassageGone = "That topic is no longer in the Learn guides. Please ask your question again.";

    public const string NeedText = "I can read text messages only. Please type your question.";
}
