"""
Usage Tracking Middleware - Message limit enforcement
Intercepts all user messages and enforces FREE tier limits
"""
from telegram import Update, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.ext import ContextTypes
from loguru import logger
from app.utils.database import get_user_by_id
from app.core.subscription import SubscriptionManager, SubscriptionTier
from app.services.analytics import Analytics


async def check_message_limit(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """
    Middleware to check if user can send message
    
    Returns:
        bool: True if message allowed, False if blocked
    """
    if not update.message or not update.message.text:
        return True  # Allow non-text messages
    
    user_id = update.effective_user.id
    user = await get_user_by_id(user_id)  # FIX: Added await
    
    if not user:
        # New user, allow first message
        return True
    
    # Check if user can send message
    can_send, error_msg = SubscriptionManager.can_send_message(user)
    
    if not can_send:
        # Track limit hit event
        Analytics.track_event(user_id, 'chat_limit_hit', {
            'messages_today': user.bot_chat_count,
            'tier': user.subscription_tier
        })
        
        # Send upgrade prompt
        await send_upgrade_prompt(update, context, error_msg)
        
        logger.warning(f"User {user_id} hit message limit ({user.bot_chat_count}/{SubscriptionManager.FREE_DAILY_MESSAGES})")
        return False  # Block message
    
    # Increment message count for FREE users
    SubscriptionManager.increment_message_count(user)
    
    # Track message sent
    remaining = SubscriptionManager.get_remaining_messages(user)
    Analytics.track_event(user_id, 'message_sent', {
        'tier': user.subscription_tier,
        'remaining': remaining
    })
    
    return True  # Allow message


async def handle_trial_start(update: Update, context: ContextTypes.DEFAULT_TYPE):
    """Handle trial start callback"""
    query = update.callback_query
    await query.answer()
    
    user_id = update.effective_user.id
    user = await get_user_by_id(user_id)
    
    if not user:
        await query.edit_message_text("âŒ Lá»—i: KhÃ´ng tÃ¬m tháº¥y thÃ´ng tin user")
        return
    
    # Check if already on trial or premium
    tier = SubscriptionManager.get_user_tier(user)
    if tier in [SubscriptionTier.PREMIUM, SubscriptionTier.TRIAL]:
        await query.edit_message_text(
            f"âœ… Báº¡n Ä‘ang dÃ¹ng {tier.value}!\n\n"
            f"Sá» dá»¥ng /mystatus Ä‘á»ƒ xem chi tiáº¿t."
        )
        return
    
    # Start 7-day trial (pass scheduler for job scheduling)
    scheduler = context.application.job_queue.scheduler if hasattr(context.application, 'job_queue') else None
    SubscriptionManager.start_trial(user, days=7, scheduler=scheduler)
    
    # Track conversion
    Analytics.track_event(user_id, 'trial_started', {
        'source': 'chat_limit_hit'
    })
