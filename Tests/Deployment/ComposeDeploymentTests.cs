using MagLearn.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace MagLearn.Tests.Deployment;

/// <summary>
/// deploy/compose.yaml puts the bot on a network behind nginx, so it must not run as the anonymous bot, which checks
/// no channel token: compose itself refuses to start without an app id.
/// </summary>
public class ComposeDeploymentTests
{
    private static YamlMappingNode BotService() => Service("bot");

    private static YamlMappingNode Service(string name)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "compose.yaml"))));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return (YamlMappingNode)((YamlMappingNode)root["services"])[name];
    }

    [Fact]
    public void The_bot_believes_forwarded_addresses_from_nginx_alone()
    {
        // Without it every client would share nginx's one rate-limit bucket; with a wider trust any client could
        // name the address it is counted under.
        var trusted = ((YamlScalarNode)((YamlMappingNode)BotService()["environment"])["Proxy__TrustedProxies__0"]).Value;
        var nginxNetworks = (YamlMappingNode)Service("nginx")["networks"];
        var nginxAddress = ((YamlScalarNode)((YamlMappingNode)nginxNetworks["inside"])["ipv4_address"]).Value;

        Assert.Equal(nginxAddress, trusted);
        Assert.DoesNotContain("/", trusted);
    }

    [Fact]
    public void The_bot_service_cannot_start_without_an_app_id()
    {
        var environment = (YamlMappingNode)BotService()["environment"];

        var appId = ((YamlScalarNode)environment["MicrosoftAppId"]).Value;

        // ${NAME:?message} makes compose stop with the message when NAME is unset or empty.
        Assert.Matches(@"^\$\{MICROSOFT_APP_ID:\?.+\}$", appId);
    }

    [Fact]
    public void The_bot_service_publishes_no_port_of_its_own()
    {
        // Only nginx is reachable from outside; the bot replicas are reached through it.
        Assert.False(BotService().Children.ContainsKey("ports"));
    }
}
