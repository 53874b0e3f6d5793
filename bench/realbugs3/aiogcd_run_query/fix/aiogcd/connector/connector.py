"""connector.py

Created on: May 19, 2017
   Authors: Jeroen van der Heijden <jeroen@transceptor.technology>
            jomido <https://github.com/jomido>
"""
import os
import json
import aiohttp
from .client_token import Token
from .service_account_token import ServiceAccountToken
from .entity import Entity
from .key import Key
from .utils import make_read_options

DEFAULT_SCOPES = {
    'https://www.googleapis.com/auth/datastore',
    'https://www.googleapis.com/auth/cloud-platform'
}

DEFAULT_API_ENDPOINT = 'https://datastore.googleapis.com'

DATASTORE_URL = \
    '{api_endpoint}/v1/projects/{project_id}:{method}'


def _get_api_endpoint():
    emu_host = os.getenv('DATASTORE_EMULATOR_HOST')
    if emu_host is None:
        return DEFAULT_API_ENDPOINT
    return 'http://{}'.format(emu_host)


class GcdConnector:

    def __init__(
            self,
            project_id,
            client_id,
            client_secret,
            token_file,
            scopes=DEFAULT_SCOPES,
            namespace_id=None):

        self.project_id = project_id
        self.namespace_id = namespace_id
        self._token = Token(
            client_id,
            client_secret,
            token_file,
            scopes)

        api_endpoint = _get_api_endpoint()

        self._run_query_url = DATASTORE_URL.format(
            api_endpoint=api_endpoint,
            project_id=self.project_id,
            method='runQuery')

    async def connect(self):
        await self._token.connect()

    async def run_query(self, data):
        """Return entities by given query data.

        :param data: see the following link for the data format:
            https://cloud.google.com/datastore/docs/reference/rest/
                v1/projects/runQuery
        :return: list containing Entity objects.
        """
        results, _ = await self._run_query(data)
        return results

    async def _run_query(self, data):
        results = []
        cursor = None

        # set namespace_id if required
        if self.namespace_id:
            if 'partitionId' not in data:
                data['partitionId'] = {'namespaceId': self.namespace_id}
            elif 'namespaceId' not in data['partitionId']:
                data['partitionId']['namespaceId'] = self.namespace_id

        while True:
            async with aiohttp.ClientSession() as session:

                if cursor is not None:
                    data['query']['startCursor'] = cursor

                async with session.post(
                        self._run_query_url,
                        data=json.dumps(data),
                        headers=await self._get_headers()) as resp:

                    content = await resp.json()

                    if resp.status == 200:

                        entity_results = \
                            content['batch'].get('entityResults', [])

                        results.extend(entity_results)

                        more_results = content['batch']['moreResults']
                        cursor = content['batch']['endCursor']

                        if more_results in (
                                'NO_MORE_RESULTS',
                                'MORE_RESULTS_AFTER_LIMIT',
                                'MORE_RESULTS_AFTER_CURSOR'):
                            break

                        if more_results == 'NOT_FINISHED':
                            continue

                        raise ValueError(
                            'Unexpected value for "moreResults": {}'
                            .format(more_results))

                    raise ValueError(
                        'Error while query the datastore: {} ({})'
                        .format(
                            content.get('error', 'unknown'),
                            resp.status
                        )
                    )

        return results, cursor

    async def get_entities(self, data):
        """Return entities by given query data.
        """
        results, _ = await self._run_query(data)
        return [Entity(result['entity']) for result in results]

    async def get_keys(self, data):
        data['query']['projection'] = [{'property': {'name': '__key__'}}]
        results, _ = await self._run_query(data)
        return [Key(result['entity']['key']) for result in results]

    async def _get_headers(self):
        token = await self._token.get()
        return {
            'Authorization': 'Bearer {}'.format(token),
            'Content-Type': 'application/json'
        }
