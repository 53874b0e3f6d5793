# Standard library imports
import asyncio
import json
import logging
import os
import sys
import threading
import time
import traceback
from collections import defaultdict
from datetime import datetime

# Third-party imports
import psutil
import requests
from quart import Quart, request, jsonify
import redis.asyncio as redis_async

# LangChain / LangGraph ecosystem
from langchain_core.messages import HumanMessage
from langgraph.checkpoint.redis import AsyncRedisSaver

# Internal / project-specific imports
from agent_builders.chatflow_builder import build_chatflow
from config.config_setup import ChatFlowConfig
from config.setting import settings
from data.simulated_data_lt_simplified import (
    agent_data,
    knowledge,
    knowledge_main_flow,
    chatflow_design,
    global_configs,
    intentions,
)
from functionals.log_utils import logger_chatflow
from models.async_notification_manager import AsyncNotificationManager
from models.persistence_manager import ModelPersistenceManager

# ASGI server imports (Hypercorn)
from hypercorn.config import Config
from hypercorn.asyncio import serve

# TODO: Start the app
app = Quart(__name__)

PHP_CALLBACK_URL = settings.PHP_CALLBACK_URL  # PHP回调地址

# TODO 创建全局动态模型管理器
class DynamicModelManager:
    def __init__(self):
        self.models = {}  # {model_id: model_data}
        self.model_usage = defaultdict(int)  # 模型使用计数
        self.model_last_used = {}  # 模型最后使用时间
        self.model_tasks = defaultdict(set)  # 模型关联的任务
        self.model_created_time = {}  # 🎯 记录模型创建时间
        self.lock = threading.RLock()

        # 🎯 持久化管理器
        self.persistence_manager = ModelPersistenceManager()
        # 异步通知管理器
        self.notification_manager = AsyncNotificationManager(max_workers=5)

        # 资源配置
        self.max_models = 50
        self.max_memory_mb = 4096  # 🎯 新增：最大内存限制 2GB
        self.model_timeout = 3600
        self.cleanup_interval = 300
        self.model_memory_estimate = 100  # 🎯 每个模型预估内存占用(MB)

    def start_cleanup_task(self):
        """启动后台清理线程"""
        async def cleanup_worker():
            while True:
                await asyncio.sleep(self.cleanup_interval)
                try:
                    # 🎯 先检查是否需要紧急清理
                    emergency_result = await self.check_and_cleanup_if_needed()
                    if emergency_result.get('cleaned', False):
                        logger_chatflow.debug(f"🔄 紧急清理完成: {emergency_result}")

                    # 🎯 然后进行常规清理
                    normal_result = await self.cleanup_idle_models()  # 正常清理
                    if normal_result['removed_count'] > 0:
                        logger_chatflow.debug(f"🔄 常规清理完成: 移除了 {normal_result['removed_count']} 个模型")

                except Exception as e:
                    logger_chatflow.error(f"清理线程异常: {str(e)}")

        asyncio.create_task(cleanup_worker())

    async def recover_models_on_startup(self):
        """服务启动时恢复模型 - 简化版本"""
        logger_chatflow.info("🔄 开始恢复持久化的模型...")

        # 加载模型配置
        model_configs = self.persistence_manager.load_model_configs()
        recovered_count = 0
        expired_count = 0

        for model_id, config_data in model_configs.items():
            try:
                # 检查模型是否过期
                current_time = time.time()
                expire_time = config_data.get('expire_time', 0)

                if current_time > expire_time:
                    logger_chatflow.info(f"🗑️ 跳过过期模型并删除配置: {model_id}")
                    self.persistence_manager.delete_model_config(model_id)
                    expired_count += 1
                    continue

                # 重新初始化模型
                chatflow_config = self._build_chatflow_config(config_data.get('config', {}))

                redis_client = redis_async.Redis(
                    # 异步Redis
                    # get redis server url from env (for Docker) first, if not, get it from settings
                    host=os.getenv("REDIS_SERVER", settings.REDIS_SERVER),
                    password=settings.REDIS_PASSWORD,
                    port=int(settings.REDIS_PORT),
                    db=settings.REDIS_DB,  # Redis Search requires index be built on database 0
                    decode_responses=False,
                    # Let Redis reserve the binary data, instead converting it to Python strings
                    max_connections=50
                )
                redis_checkpointer = AsyncRedisSaver(redis_client=redis_client)
                await redis_checkpointer.setup()  # Async setup
                chatflow, milvus_client = await build_chatflow(chatflow_config, redis_checkpointer=redis_checkpointer)
                logger_chatflow.info("✅ build_chatflow completed!")
                # 恢复模型数据
                self.models[model_id] = {
                    'instance': chatflow,
                    'config': config_data.get('config', {}),
                    'created_time': config_data.get('created_time', datetime.now()),
                    'expire_time': expire_time,
                    'memory_usage': config_data.get('memory_usage', 0),
                    'status': 'recovered'
                }

                # 恢复使用统计（重置为0，因为服务重启）
                self.model_usage[model_id] = 0
                self.model_last_used[model_id] = config_data.get('last_used', datetime.now())
                self.model_created_time[model_id] = config_data.get('created_time', datetime.now())

                recovered_count += 1
                logger_chatflow.info(f"✅ 恢复模型成功: {model_id}")

            except Exception as e:
                logger_chatflow.error(f"❌ 恢复模型失败 {model_id}: {str(e)}")
                continue

        logger_chatflow.info(f"🎉 模型恢复完成: 成功 {recovered_count} 个, 过期 {expired_count} 个")

    def get_model(self, model_id, task_id=None):
        """获取模型实例，更新使用时间"""
        with self.lock:
            if model_id in self.models:
                # 检查模型是否过期
                if self._check_model_expired(model_id):
                    logger_chatflow.warning(f"模型 {model_id} 已过期")
                    # 通知PHP模型休眠    这步和下面的 暂停并重新激活重复 notify_php_task_pause
                    # self._notify_php_model_sleep(model_id)
                    return None

                self.model_last_used[model_id] = datetime.now()
                self.model_usage[model_id] += 1
                if task_id and task_id not in self.model_tasks[model_id]:
                    self.model_tasks[model_id].add(task_id)
                return self.models[model_id]['instance']
            return None

    def _check_model_expired(self, model_id):
        """检查模型是否过期"""
        if model_id in self.models:
            model_data = self.models[model_id]
            current_time = time.time()
            if current_time > model_data['expire_time']:
                return True
        return False

    def _get_memory_usage(self):
        """获取内存使用情况"""
        process = psutil.Process(os.getpid())
        return process.memory_info().rss / 1024 / 1024  # MB

model_manager = DynamicModelManager()

# TODO: Services
# 🎯 启动时恢复模型（简化版）
@app.before_serving
async def startup():
    model_manager.recover_models_on_startup()
    model_manager.start_cleanup_task() # clean work
