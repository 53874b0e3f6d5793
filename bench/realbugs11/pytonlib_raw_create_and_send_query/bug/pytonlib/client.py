import asyncio
import json
import codecs
import struct
import logging
import os

from pytonlib.tonlibjson import TonLib
from pytonlib.utils.address import prepare_address, detect_address
from pytonlib.utils.common import b64str_to_hex, hex_to_b64str, hash_to_hex
from pytonlib.utils.tokens import (parse_jetton_master_data, parse_jetton_wallet_data, 
    parse_nft_collection_data, parse_nft_item_data, parse_nft_content, parse_dns_content,
    parse_jetton_wallet_address_data, parse_nft_item_address_data)
from pytonlib.utils.tlb import MsgAddressInt
from bitarray import bitarray

from tvm_valuetypes import serialize_tvm_stack, render_tvm_stack, deserialize_boc, Cell

from pathlib import Path
from datetime import datetime
from copy import deepcopy

logger = logging.getLogger(__name__)


class TonlibClient:
    def __init__(self,
                 ls_index,
                 config,
                 keystore,
                 loop=None,
                 cdll_path=None,
                 verbosity_level=0,
                 tonlib_timeout=10):
        if not os.access(keystore, os.F_OK):
            raise FileNotFoundError(f'Keystore directory {keystore} does not exist')
        if not os.access(keystore, os.W_OK | os.R_OK | os.X_OK):
            raise PermissionError(f'Keystore directory {keystore} does not have required permissions (rwx)')

        self.ls_index = ls_index
        self.config = config
        self.keystore = keystore
        self.cdll_path = cdll_path
        self.loop = loop
        self.verbosity_level = verbosity_level
        self.tonlib_wrapper = None
        self.tonlib_timeout = tonlib_timeout

    @property
    def local_config(self):
        local = deepcopy(self.config)
        local['liteservers'] = [local['liteservers'][self.ls_index]]
        return local

    async def init(self):
        """
        TL Spec
            init options:options = options.Info;
            options config:config keystore_type:KeyStoreType = Options;

            keyStoreTypeDirectory directory:string = KeyStoreType;
            config config:string blockchain_name:string use_callbacks_for_network:Bool ignore_cache:Bool = Config;

        :param ip: IPv4 address in dotted notation or signed int32
        :param port: IPv4 TCP port
        :param key: base64 pub key of liteserver node
        :return: None
        """
        if self.tonlib_wrapper is None:
            event_loop = self.loop or asyncio.get_running_loop()
            wrapper = TonLib(event_loop, self.ls_index, self.cdll_path, self.verbosity_level)
            keystore_obj = {
                '@type': 'keyStoreTypeDirectory',
                'directory': self.keystore
            }

            request = {
                '@type': 'init',
                'options': {
                    '@type': 'options',
                    'config': {
                        '@type': 'config',
                        'config': json.dumps(self.local_config),
                        'use_callbacks_for_network': False,
                        'blockchain_name': '',
                        'ignore_cache': False
                    },
                    'keystore_type': keystore_obj
                }
            }
            self.tonlib_wrapper = wrapper

            # set confog
            await self.tonlib_wrapper.execute(request)
            
            logger.info(F"TonLib #{self.ls_index:03d} inited successfully")
        else:
            logger.warning(f'init is already done')

    async def close(self):
        if self.tonlib_wrapper is not None:
            await self.tonlib_wrapper.close()
            self.tonlib_wrapper = None

    async def __aenter__(self):
        await self.init()
        return self

    async def __aexit__(self, *args):
        await self.close()

    def __await__(self):
        return self.init().__await__()

    async def sync_tonlib(self):
        request = {
            '@type': 'sync'
        }
        return await self.tonlib_wrapper.execute(request, timeout=30)

    # (trimmed: raw_get_transactions .. raw_run_method)

    async def raw_send_message(self, serialized_boc, *args, **kwargs):
        """
          raw.sendMessage body:bytes = Ok;

          :param serialized_boc: bytes, serialized bag of cell
        """
        serialized_boc = codecs.decode(codecs.encode(serialized_boc, "base64"), 'utf-8').replace("\n", '')
        request = {
            '@type': 'raw.sendMessage',
            'body': serialized_boc
        }
        return await self.tonlib_wrapper.execute(request, timeout=self.tonlib_timeout)
    
    async def raw_send_message_return_hash(self, serialized_boc, *args, **kwargs):
        serialized_boc = codecs.decode(codecs.encode(serialized_boc, "base64"), 'utf-8').replace("\n", '')
        request = {
            '@type': 'raw.sendMessageReturnHash',
            'body': serialized_boc
        }
        return await self.tonlib_wrapper.execute(request, timeout=self.tonlib_timeout)

    async def _raw_create_query(self, destination, body, init_code=b'', init_data=b'', *args, **kwargs):
        """
          raw.createQuery destination:accountAddress init_code:bytes init_data:bytes body:bytes = query.Info;

          query.info id:int53 valid_until:int53 body_hash:bytes  = query.Info;

        """
        init_code = codecs.decode(codecs.encode(
            init_code, "base64"), 'utf-8').replace("\n", '')
        init_data = codecs.decode(codecs.encode(
            init_data, "base64"), 'utf-8').replace("\n", '')
        body = codecs.decode(codecs.encode(body, "base64"),
                             'utf-8').replace("\n", '')
        destination = prepare_address(destination)
        request = {
            '@type': 'raw.createQuery',
            'body': body,
            'init_code': init_code,
            'init_data': init_data,
            'destination': {
                'account_address': destination
            }
        }
        return await self.tonlib_wrapper.execute(request, timeout=self.tonlib_timeout)

    async def _raw_send_query(self, query_info, *args, **kwargs):
        """
          query.send id:int53 = Ok;
        """
        request = {
            '@type': 'query.send',
            'id': query_info['id']
        }
        return await self.tonlib_wrapper.execute(request, timeout=self.tonlib_timeout)

    async def raw_create_and_send_query(self, destination, body, init_code=b'', init_data=b'', *args, **kwargs):
        query_info = await self._raw_create_query(destination, body, init_code, init_data)
        return self._raw_send_query(query_info)

    async def raw_create_and_send_message(self, destination, body, initial_account_state=b'', *args, **kwargs):
        # Very close to raw_create_and_send_query, but StateInit should be generated outside
        """
          raw.createAndSendMessage destination:accountAddress initial_account_state:bytes data:bytes = Ok;

        """
        initial_account_state = codecs.decode(codecs.encode(
            initial_account_state, "base64"), 'utf-8').replace("\n", '')
        body = codecs.decode(codecs.encode(body, "base64"),
                             'utf-8').replace("\n", '')
        destination = prepare_address(destination)
        request = {
            '@type': 'raw.createAndSendMessage',
            'destination': {
                'account_address': destination
            },
            'initial_account_state': initial_account_state,
            'data': body
        }
        return await self.tonlib_wrapper.execute(request, timeout=self.tonlib_timeout)

    async def raw_estimate_fees(self, destination, body, init_code=b'', init_data=b'', ignore_chksig=True, *args, **kwargs):
        query_info = await self._raw_create_query(destination, body, init_code, init_data)
        request = {
            '@type': 'query.estimateFees',
            'id': query_info['id'],
            'ignore_chksig': ignore_chksig
        }
        return await self.tonlib_wrapper.execute(request, timeout=self.tonlib_timeout)
