using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace MagLearn.Bot.Hosting;

/// <summary>
/// A kept Connector client as one turn sees it: everything goes to the shared client, except that the adapter's
/// dispose at the end of the turn leaves it open for the next turns (see <see cref="ReusingBotFrameworkAuthentication"/>).
/// </summary>
internal sealed class SharedConnectorClient(IConnectorClient shared) : IConnectorClient
{
    public Uri BaseUri
    {
        get => shared.BaseUri;
        // The framework never moves a client it built; a turn that did would move it for every other turn.
        set => throw new NotSupportedException("a shared Connector client's address cannot be changed");
    }

    public JsonSerializerSettings SerializationSettings => shared.SerializationSettings;
    public JsonSerializerSettings DeserializationSettings => shared.DeserializationSettings;
    public ServiceClientCredentials Credentials => shared.Credentials;
    public IAttachments Attachments => shared.Attachments;
    public IConversations Conversations => shared.Conversations;

    public void Dispose()
    {
    }
}
