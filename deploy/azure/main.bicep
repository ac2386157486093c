// MagLearn Bot on Azure: the container on App Service (Linux), scaled out to several instances that share
// Azure Cache for Redis, registered as an Azure Bot with Teams and Web Chat. The same settings the compose file
// and the scale-out test use (Storage__Kind=Redis, Storage__Redis, Admin__ApiKey), set as app settings.
//
//   az deployment group create -g <group> -f deploy/azure/main.bicep \
//     -p namePrefix=maglearn containerImage=<registry>/maglearn-bot:<tag> \
//        microsoftAppId=<app id> microsoftAppPassword=<secret> adminApiKey=<at least 16 characters>
//
// Why Redis only here: App Service's persistent /home is a network share, where SQLite's locking (and so the
// ETag checks and turn leases built on it) cannot be trusted, and a SQLite file serves one instance only.

@description('Prefix of every resource name; the web app is https://<prefix>-bot.azurewebsites.net.')
@minLength(3)
@maxLength(20)
param namePrefix string

param location string = resourceGroup().location

@description('The image built from deploy/Dockerfile, for example myregistry.azurecr.io/maglearn-bot:1.0.')
param containerImage string

@description('Registry credentials, when the image is not public.')
param registryServer string = ''
param registryUsername string = ''
@secure()
param registryPassword string = ''

@description('Bot instances behind App Service\'s load balancer; they share every conversation through Redis.')
@minValue(1)
@maxValue(10)
param instanceCount int = 2

@allowed(['MultiTenant', 'SingleTenant'])
param microsoftAppType string = 'MultiTenant'
param microsoftAppId string
@secure()
param microsoftAppPassword string
@description('Only for SingleTenant.')
param microsoftAppTenantId string = ''

@description('The X-Api-Key for GET /admin/api/conversations/{id}/transcript. Empty turns the admin API off (401 for all).')
@secure()
param adminApiKey string = ''

@description('A conversation nobody has written to for this long is forgotten (d.hh:mm:ss).')
param idleExpiry string = '30.00:00:00'

@description('How long a transcript is kept after its last activity (d.hh:mm:ss).')
param transcriptRetention string = '90.00:00:00'

@allowed(['F0', 'S1'])
param botSku string = 'S1'

var siteName = '${namePrefix}-bot'

resource redis 'Microsoft.Cache/redis@2023-08-01' = {
  name: '${namePrefix}-redis'
  location: location
  properties: {
    // Standard: a replica, so a failover does not lose every conversation.
    sku: { name: 'Standard', family: 'C', capacity: 1 }
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
    redisConfiguration: {
      // Conversation state is never evicted to make room; writes fail instead, and the bot says so.
      'maxmemory-policy': 'noeviction'
    }
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${namePrefix}-plan'
  location: location
  kind: 'linux'
  sku: { name: 'P1v3', capacity: instanceCount }
  properties: { reserved: true }
}

var registrySettings = empty(registryServer) ? [] : [
  { name: 'DOCKER_REGISTRY_SERVER_URL', value: 'https://${registryServer}' }
  { name: 'DOCKER_REGISTRY_SERVER_USERNAME', value: registryUsername }
  { name: 'DOCKER_REGISTRY_SERVER_PASSWORD', value: registryPassword }
]

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: siteName
  location: location
  kind: 'app,linux,container'
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // No sticky sessions: any instance can take any turn, the state is in Redis.
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'DOCKER|${containerImage}'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: concat([
        { name: 'WEBSITES_PORT', value: '8080' }
        { name: 'WEBSITES_ENABLE_APP_SERVICE_STORAGE', value: 'false' }
        { name: 'Storage__Kind', value: 'Redis' }
        { name: 'Storage__Redis', value: '${redis.properties.hostName}:${redis.properties.sslPort},password=${redis.listKeys().primaryKey},ssl=True,abortConnect=False' }
        { name: 'Storage__IdleExpiry', value: idleExpiry }
        { name: 'Transcripts__Retention', value: transcriptRetention }
        { name: 'Admin__ApiKey', value: adminApiKey }
        { name: 'Knowledge__PublicBaseUrl', value: 'https://${siteName}.azurewebsites.net' }
        { name: 'MicrosoftAppType', value: microsoftAppType }
        { name: 'MicrosoftAppId', value: microsoftAppId }
        { name: 'MicrosoftAppPassword', value: microsoftAppPassword }
        { name: 'MicrosoftAppTenantId', value: microsoftAppTenantId }
      ], registrySettings)
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${namePrefix}-azurebot'
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: 'MagLearn Bot'
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
    msaAppId: microsoftAppId
    msaAppType: microsoftAppType
    msaAppTenantId: microsoftAppType == 'SingleTenant' ? microsoftAppTenantId : ''
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

output messagingEndpoint string = 'https://${site.properties.defaultHostName}/api/messages'
output adminTranscriptUrl string = 'https://${site.properties.defaultHostName}/admin/api/conversations/{id}/transcript'
output redisHostName string = redis.properties.hostName
